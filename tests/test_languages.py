"""The Spanish edition (mkdocs.es.yml, built into es/) beside the English one.

One source per thing, per language: the same keys in both; every page has its
counterpart, and its language link lands there; Spanish pages are Spanish
(lang, readability, search, PDFs); the safety advice has its Spanish
counterparts; a log saved in one edition opens in the other.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

import glossary
import helplines
import incident_log
import readability
import strings
from conftest import (
    DESKTOP,
    DOCS,
    DOCS_ES,
    ES,
    PHONE,
    ROOT,
    article,
    axe_report,
    failing_build,
    html_path,
    page_sweep,
    plant,
    refuse_other_origins,
    visit_every_page,
)
from datafiles import DataError

DATA_ES = ROOT / "data" / "es"
PAGES_EN = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
PAGES_ES = sorted(p.relative_to(DOCS_ES).as_posix() for p in DOCS_ES.rglob("*.md"))
PASSPHRASE = "un paseo largo por el río, by the river"
MARKER = "cebra linterna en el porche"


# ---------------------------------------------------------------------------
# One source per thing, per language: the same keys
# ---------------------------------------------------------------------------

def test_every_page_has_a_counterpart_in_the_other_edition():
    assert PAGES_EN == PAGES_ES


def test_the_spanish_nav_lists_the_same_pages_in_the_same_order(nav_pages, nav_pages_es):
    assert nav_pages == nav_pages_es


def test_strings_have_the_same_keys_in_both_languages():
    english, spanish = strings.load_strings("en"), strings.load_strings("es")
    assert strings.keys(english) == strings.keys(spanish)
    # Every {place} the code fills is in both.
    for section, words in english.items():
        for key, text in words.items():
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", spanish[section][key])), key


def test_a_missing_spanish_string_fails_naming_the_file_and_key(tmp_path):
    english = strings._read(strings.path_for("en"))
    spanish = strings._read(strings.path_for("es"))
    del spanish["quick_exit"]["leave"]
    with pytest.raises(DataError, match=r"data/es/strings\.yml: missing quick_exit\.leave"):
        strings.check_same_keys(english, strings.path_for("en"), spanish, strings.path_for("es"))


def test_incident_log_has_the_same_field_ids_in_both_languages():
    """A log saved in one edition opens in the other: the entry keys are the same, in order."""
    en = incident_log.load_definition()
    es = incident_log.load_definition(DATA_ES / "incident-log.yml")
    assert [(c.key, c.kind, c.width, len(c.choices)) for c in en.columns] == \
           [(c.key, c.kind, c.width, len(c.choices)) for c in es.columns]
    assert [(p.key, p.kind) for p in en.person] == [(p.key, p.kind) for p in es.person]
    assert len(en.guidance) == len(es.guidance)
    assert set(en.forms) == set(es.forms) == set(incident_log.FORM_KEYS)
    assert (en.language, es.language) == ("en", "es")
    for column in es.columns:
        assert bool(column.help) == bool(next(c for c in en.columns if c.key == column.key).help), column.key


def test_glossary_has_a_spanish_term_for_each_english_one():
    en, es = glossary.load_terms(), glossary.load_terms(DATA_ES / "glossary.yml")
    assert len(en) == len(es)
    assert len({t.anchor for t in es}) == len(es)


def test_parity_check_catches_a_missing_spanish_column(tmp_path):
    copy = tmp_path / "incident-log.yml"
    text = (DATA_ES / "incident-log.yml").read_text(encoding="utf-8")
    start = text.index("  - key: witnesses")
    end = text.index("  - key: evidence")
    copy.write_text(text[:start] + text[end:], encoding="utf-8")
    es = incident_log.load_definition(copy)
    en = incident_log.load_definition()
    assert [c.key for c in en.columns] != [c.key for c in es.columns]


# ---------------------------------------------------------------------------
# Help numbers for Spanish readers
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def countries_es():
    return helplines.load_countries(DATA_ES / "helplines.yml", strings.load_strings("es")["helplines"])


def test_spanish_help_data_covers_the_seven_countries(countries_es):
    assert [c.slug for c in countries_es] == ["es", "mx", "us", "ar", "co", "cl", "pe"]
    for country in countries_es:
        assert sum(e.kind == "emergency" for e in country.entries) == 1, country.name
        for entry in country.entries:
            assert entry.source.startswith("https://") and entry.checked == "2026-12-01", entry.name
            assert entry.source_kind in helplines.SOURCE_KINDS, entry.name
            if entry.kind == "helpline":
                assert entry.hours and entry.audience and entry.channels, entry.name


def test_spanish_help_data_states_the_known_cautions(countries_es):
    by_name = {e.name: e for c in countries_es for e in c.entries}
    chile = by_name["Fono 1455"]
    assert "24 horas" in chile.hours and "No atiende las 24 horas" in chile.hours
    assert "lunes a viernes" in chile.hours
    assert by_name["Línea de las Mujeres"].number == "079, opción 1"
    spain = by_name["016"].details
    assert "no sale en la factura" in spain and "lista de llamadas" in spain
    # Argentina's 144 e-mail may be out of date: it is not published.
    assert "@" not in by_name["Línea 144"].details and "correo" in by_name["Línea 144"].source_note
    us = by_name["Línea Nacional contra la Violencia Doméstica"]
    assert us.website == "https://espanol.thehotline.org/" and "chat" in us.channels
    assert by_name["love is respect"].website == "https://espanol.loveisrespect.org/"


def test_a_crisis_line_only_where_one_was_confirmed(countries_es):
    for country in countries_es:
        crisis = [e for e in country.entries if e.crisis]
        if crisis:
            assert crisis[0].audience == ("anyone",) and "24 horas" in crisis[0].hours, country.name
        else:
            assert country.crisis_note, country.name
    assert {c.slug for c in countries_es if any(e.crisis for e in c.entries)} == {"es", "us"}


def test_spanish_help_now_page_is_generated_from_the_data(built_pages_es, countries_es):
    text = " ".join(article(built_pages_es["help-now.md"]).get_text(" ").split())
    for country in countries_es:
        for entry in country.entries:
            assert entry.number in text, entry.name
    assert "Cómo revisamos estos números" in text
    assert helplines.sources_claim(countries_es, strings.load_strings("es")["helplines"]) in text


def test_handbook_cover_and_safety_plan_show_the_spanish_numbers(built_pages_es, countries_es):
    cover = built_pages_es["index.md"].select_one(".pdf-cover").get_text(" ")
    plan = built_pages_es["my-safety-plan.md"].select_one(".plan-help-area").get_text(" ")
    for country in countries_es:
        assert country.name in cover and country.emergency.number in cover, country.name
        assert country.name in plan, country.name


# ---------------------------------------------------------------------------
# Language links and hreflang
# ---------------------------------------------------------------------------

def _link_target(page_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), urlsplit(href).path))


@pytest.mark.parametrize("edition", ["en", "es"])
def test_every_page_links_to_its_counterpart(site_dir, nav_pages, edition):
    from bs4 import BeautifulSoup

    other = "es" if edition == "en" else "en"
    for src in nav_pages:
        here = html_path(src) if edition == "en" else f"{ES}/{html_path(src)}"
        there = f"{ES}/{html_path(src)}" if edition == "en" else html_path(src)
        soup = BeautifulSoup((site_dir / here).read_text(encoding="utf-8"), "html.parser")
        links = soup.select("a[data-lang-link]")
        assert len(links) == 1, here
        link = links[0]
        assert _link_target(here, link["href"]) == there, here
        assert link["hreflang"] == other and link["lang"] == other, here
        assert (site_dir / there).is_file(), there
        # No hreflang alternates in the head without SITE_URL: search engines ignore
        # relative ones (test_hosts.py checks the full addresses when it is set).
        assert not soup.head.select('link[rel="alternate"][hreflang]'), here


def test_the_language_link_is_relative_so_it_works_from_disk(built_pages, built_pages_es):
    for soup in [*built_pages.values(), *built_pages_es.values()]:
        href = soup.select_one("a[data-lang-link]")["href"]
        assert not urlsplit(href).scheme and not href.startswith("/"), href


def test_the_language_link_is_not_printed():
    css = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert re.search(r"@media print\s*\{\s*\.md-typeset \.lang-link\s*\{\s*display: none", css)


def test_a_page_with_no_counterpart_fails_the_build(project_copy, tmp_path):
    project = project_copy()
    (project / "docs-es" / "glossary.md").unlink()
    log = failing_build(project, tmp_path / "site", env={"DOWNLOADS": "off"})
    assert "glossary.md: no counterpart docs-es/glossary.md" in log, log


def test_the_language_link_works_from_disk(browser, site_dir):
    ctx = browser.new_context(offline=True)
    outside = refuse_other_origins(ctx, "file://")
    page = ctx.new_page()
    page.goto((site_dir / "guide" / "plan-for-your-safety.html").as_uri())
    page.click("a[data-lang-link]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/es/guide/plan-for-your-safety.html")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Planea tu seguridad" in page.title()
    page.click("a[data-lang-link]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/guide/plan-for-your-safety.html") and "/es/" not in page.url
    ctx.close()
    assert outside == []


# ---------------------------------------------------------------------------
# Spanish pages are Spanish
# ---------------------------------------------------------------------------

def test_spanish_pages_have_lang_es(built_pages_es):
    for src, soup in built_pages_es.items():
        assert soup.html.get("lang") == "es", f"docs-es/{src}"


def test_spanish_pages_have_their_own_description(built_pages, built_pages_es):
    for src, soup in built_pages_es.items():
        es = soup.find("meta", attrs={"name": "description"})["content"]
        en = built_pages[src].find("meta", attrs={"name": "description"})["content"]
        assert 30 <= len(es) <= 200 and es != en, f"docs-es/{src}"


def test_spanish_pages_have_one_h1(built_pages_es):
    for src, soup in built_pages_es.items():
        assert len(article(soup).find_all("h1")) == 1, f"docs-es/{src}"


def test_the_quick_exit_speaks_spanish_and_goes_to_a_spanish_page(built_pages_es, config_es):
    destination = config_es["extra"]["quick_exit"]["url"]
    assert urlsplit(destination).hostname == "www.aemet.es"
    for src, soup in built_pages_es.items():
        bar = soup.select_one("[data-quick-exit]")
        link = bar.select_one("[data-quick-exit-link]")
        assert link["href"] == destination and link.get_text(strip=True) == "Salir de esta página", src
        assert "Esc dos veces" in bar.get_text() and bar["data-blank-title"] == "Nueva pestaña", src


# Words that give the reader a gender. The guide speaks to readers of every gender (CONTRIBUTING,
# "Writing in Spanish"): each of these was once in a page and was rewritten.
GENDERED_ES = re.compile(r"\b(hacerlo sola|estés segura|estás sola|te sientas (lista|desbordada)|"
                         r"sentirte perdida|seguir atrapada|amiga segura|estás más segura)\b", re.I)


def test_spanish_text_gives_the_reader_no_gender():
    found = []
    for path in [*DOCS_ES.rglob("*.md"), *DATA_ES.glob("*.yml")]:
        text = " ".join(path.read_text(encoding="utf-8").split())
        found += [f"{path.relative_to(ROOT)}: {m.group(0)!r}" for m in GENDERED_ES.finditer(text)]
    assert not found, found
    assert GENDERED_ES.search("No tienes que hacerlo sola.") and not GENDERED_ES.search("hacerlo sin ayuda")


@pytest.mark.parametrize("src", PAGES_ES)
def test_spanish_page_reads_easily(src):
    score = readability.page_inflesz((DOCS_ES / src).read_text(encoding="utf-8"))
    assert score is None or score >= readability.INFLESZ_LIMIT, f"docs-es/{src}: INFLESZ {score}"


@pytest.mark.parametrize("src", PAGES_ES)
def test_built_spanish_page_reads_easily(site_dir_es, src):
    html = (site_dir_es / html_path(src)).read_text(encoding="utf-8")
    assert readability.language_of(Path(src), html) == "es"
    text = readability.html_text(html)
    score = readability.spanish_score(text, readability.MIN_WORDS)
    assert score is not None and score >= readability.INFLESZ_LIMIT, f"docs-es/{src} (built): INFLESZ {score}"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_ES.glob("*.yml")))
def test_spanish_data_reads_easily(name):
    assert readability.data_texts(DATA_ES / name)
    over = readability.over_limit([DATA_ES / name])
    assert not over, "\n".join(over)


def test_inflesz_flags_hard_spanish():
    hard = ("La consideración pormenorizada de las circunstancias jurisdiccionales correspondientes "
            "condiciona inevitablemente la admisibilidad probatoria de la documentación. ") * 5
    easy = "Puedes parar. Puedes descansar. La ayuda está aquí. No estás sola. No es tu culpa. " * 5
    assert readability.inflesz(hard) < readability.INFLESZ_LIMIT <= readability.inflesz(easy)
    assert readability.language_of(DOCS_ES / "index.md") == "es"
    assert readability.language_of(DOCS / "index.md") == "en"


# ---------------------------------------------------------------------------
# The safety advice, in Spanish
# ---------------------------------------------------------------------------

# (advice, page, words that must be in its article).
SAFETY_ES = [
    ("Escalation is a warning sign, not progress", "guide/what-to-expect.md",
     "es una señal de alarma, no una señal de que avanzas"),
    ("Escalation: not a reason to wait and see", "guide/plan-for-your-safety.md",
     "no es una señal para esperar a ver qué pasa"),
    ("Danger sign: threats to kill", "guide/plan-for-your-safety.md", "te amenazó con matarte"),
    ("Danger sign: choking or strangling", "guide/plan-for-your-safety.md", "te estranguló"),
    ("Danger sign: a weapon", "guide/plan-for-your-safety.md", "tiene un arma de fuego u otra arma"),
    ("Danger sign: threats of suicide", "guide/plan-for-your-safety.md", "amenazó con quitarse la vida"),
    ("Danger sign: a broken order", "guide/plan-for-your-safety.md", "rompió una orden de protección"),
    ("Danger sign: pregnancy", "guide/plan-for-your-safety.md", "estás embarazada"),
    ("Danger signs: one is enough", "guide/plan-for-your-safety.md", "basta una señal para pedir ayuda"),
    ("Trespass words may not apply if they live there", "guide/protect-yourself.md",
     "pueden no valer si tu ex vive allí"),
    ("Trespass: police are called about threats, not trespass", "guide/protect-yourself.md",
     "se llama a la policía por amenazas"),
    ("Trespass caution on the home checklist", "checklists/at-home-or-in-public.md",
     "no digas lo de la propiedad privada"),
    ("Trespass caution for helpers", "help-someone.md", "pueden no valer si su ex vive allí"),
    ("Order: the day it is served", "guide/protect-yourself.md", "ahí sube el peligro"),
    ("Order: the address on the forms", "guide/protect-yourself.md", "pueden mostrarle tu dirección"),
    ("Order: an order is paper", "guide/protect-yourself.md", "una orden es un papel"),
    ("Order is paper, on the checklist", "checklists/protective-order.md", "una orden es un papel"),
    ("Lock limits: spyware", "write-your-log.md", "programas espía"),
    ("Lock limits: a guessable passphrase", "write-your-log.md", "una frase clave que pueda adivinar"),
    ("Lock limits: copies left behind", "write-your-log.md", "copias que quedan"),
    ("Lock limits: no proof of dates", "write-your-log.md", "no prueba cuándo escribiste una entrada"),
    ("Lock limits: the Shift keys while typing", "write-your-log.md", "pulsar escape dos veces funciona"),
    ("Quick exit: it does not delete history", "safety/quick-exit.md", "no borra tu historial"),
    ("Quick exit: no protection from spyware", "safety/quick-exit.md", "no te protege de programas espía"),
    ("Removing spyware can alert your ex", "safety/device-safety.md", "quitar un programa espía puede alertar"),
    ("016 stays in the call list", "help-now.md", "sí queda en la lista de llamadas"),
    ("Chile 1455 is not 24 hours", "help-now.md", "no atiende las 24 horas"),
]


@pytest.mark.parametrize("advice, src, phrase", SAFETY_ES, ids=[row[0] for row in SAFETY_ES])
def test_spanish_safety_advice_is_there(built_pages_es, advice, src, phrase):
    text = " ".join(article(built_pages_es[src]).get_text(" ").split()).lower()
    assert phrase.lower() in text, f"{advice}: {phrase!r} not in docs-es/{src}"


# Ways of saying, in Spanish, that escalation means no contact is working.
ESCALATION_AS_PROGRESS_ES = re.compile(
    r"(señal|prueba)\s+de\s+que\s+(el\s+)?contacto\s+cero\s+(está\s+)?funciona"
    r"|(empeorar|que\s+empeore)\s+(es|significa)\s+(algo\s+)?(bueno|buena\s+señal|que\s+avanzas)"
    r"|(es|son)\s+(a\s+menudo\s+|muchas\s+veces\s+)?(una\s+)?buena\s+señal",
    re.I,
)


def test_spanish_escalation_is_never_described_as_progress(built_pages_es):
    for src, soup in built_pages_es.items():
        text = " ".join(article(soup).get_text().split())
        found = ESCALATION_AS_PROGRESS_ES.search(text)
        assert not found, f"docs-es/{src}: {found.group(0)!r} describes escalation as progress"


def test_spanish_escalation_pattern_catches_the_wrong_wording():
    assert ESCALATION_AS_PROGRESS_ES.search("Pero muchas veces es una buena señal.")
    assert ESCALATION_AS_PROGRESS_ES.search("Es una señal de que el contacto cero funciona.")
    assert not ESCALATION_AS_PROGRESS_ES.search(
        "Que las cosas empeoren es una señal de alarma, no una señal de que avanzas.")


# ---------------------------------------------------------------------------
# Spanish downloads: their own, in Spanish
# ---------------------------------------------------------------------------

PDFS_ES = {
    "downloads/going-no-contact-handbook.pdf": "Contacto cero: el manual",
    "downloads/checklists.pdf": "Contacto cero: listas",
    "downloads/incident-log.pdf": "Registro de incidentes",
}


@pytest.mark.parametrize("uri", PDFS_ES)
def test_spanish_pdfs_are_tagged_spanish_with_a_spanish_title(site_dir_es, uri):
    reader = PdfReader(site_dir_es / uri)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value and "/StructTreeRoot" in root, uri
    assert str(root["/Lang"]) == "es", uri
    assert reader.metadata.title == PDFS_ES[uri]


def test_spanish_checklists_pdf_has_one_page_per_checklist(site_dir_es, nav_pages_es):
    checklists = [p for p in nav_pages_es if p.startswith("checklists/") and p != "checklists/index.md"]
    assert len(PdfReader(site_dir_es / "downloads/checklists.pdf").pages) == len(checklists)


def test_spanish_incident_log_forms(site_dir_es):
    from openpyxl import load_workbook

    es = incident_log.load_definition(DATA_ES / "incident-log.yml")
    csv_header = (site_dir_es / "downloads/incident-log.csv").read_text(encoding="utf-8").splitlines()[0]
    assert csv_header.split(",")[0] == "Fecha en que pasó" and len(csv_header.split(",")) == len(es.columns)
    book = load_workbook(site_dir_es / "downloads/incident-log.xlsx")
    assert book.sheetnames == ["Registro", "Consejos", "Sobre la persona"]
    assert [c.value for c in book["Registro"][1]] == es.labels
    fields = PdfReader(site_dir_es / "downloads/incident-log.pdf").get_fields()
    assert fields["row01_where"]["/TU"] == "Entrada 1: Dónde"


def test_spanish_zip_holds_the_spanish_edition_only(site_dir_es, tmp_path):
    import zipfile

    with zipfile.ZipFile(site_dir_es / "downloads/going-no-contact.zip") as zf:
        names = zf.namelist()
        readme = zf.read("going-no-contact/README.txt").decode("utf-8")
        start = zf.read("going-no-contact/index.html").decode("utf-8")
    assert "going-no-contact/help-now.html" in names and not any("/es/" in n for n in names)
    assert "Abre el archivo index.html" in readme
    assert "Estás leyendo la copia descargada" in start
    # The link to the English page would lead out of the zip: it is left out.
    assert "data-lang-link" not in start and 'hreflang="en"' not in start


# ---------------------------------------------------------------------------
# In a browser: search, the tools
# ---------------------------------------------------------------------------

def test_spanish_search_uses_the_spanish_stemmer(site_dir_es):
    index = (site_dir_es / "search" / "search_index.js").read_text(encoding="utf-8")
    assert '"lang":["es"]' in index.replace(" ", "")


@pytest.mark.parametrize("how", ["server", "zip"])
def test_spanish_search_finds_a_spanish_word(browser, server, site_dir_es, tmp_path, how):
    """From a server, and from the Spanish zip opened from disk (lunr's Spanish stemmer through the worker shim)."""
    import zipfile

    if how == "zip":
        with zipfile.ZipFile(site_dir_es / "downloads/going-no-contact.zip") as zf:
            zf.extractall(tmp_path)
        start = (tmp_path / "going-no-contact" / "index.html").as_uri()
    else:
        start = server + "es/index.html"
    ctx = browser.new_context(offline=how == "zip")
    outside = refuse_other_origins(ctx, server if how == "server" else "file://")
    page = ctx.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(start)
    search = page.locator("input.md-search__input")
    search.click()
    # The stemmer: "llamadas" also finds "llamar" and "llama".
    search.type("llamadas", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    results = page.locator(".md-search-result__item")
    assert results.count() > 0
    assert "lengua" not in page.locator(".md-search-result").inner_text()
    ctx.close()
    assert outside == [] and errors == [], (outside, errors)


def _save_log(page, tmp_path) -> Path:
    page.fill("#log-field-what", MARKER)
    page.fill("#log-field-date", "2026-11-20")
    page.click("#log-add")
    page.click("#log-save-open")
    page.fill("#log-pass1", PASSPHRASE)
    page.fill("#log-pass2", PASSPHRASE)
    with page.expect_download() as info:
        page.click("#log-save")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _open_log(page, path: Path) -> None:
    page.click("#log-open-open")
    page.set_input_files("#log-file", str(path))
    page.fill("#log-open-pass", PASSPHRASE)
    page.click("#log-open")
    page.wait_for_function("() => document.getElementById('log-open-panel').hidden", timeout=20_000)


@pytest.mark.parametrize("saved_in, opened_in", [("", "es/"), ("es/", "")], ids=["en-to-es", "es-to-en"])
def test_a_log_saved_in_one_edition_opens_in_the_other(browser, server, tmp_path, saved_in, opened_in):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(server + saved_in + "write-your-log.html")
    saved = _save_log(page, tmp_path)
    page.goto(server + opened_in + "write-your-log.html")
    assert page.locator("#log-table tbody").inner_text().strip() == ""
    _open_log(page, saved)
    rows = page.locator("#log-table tbody").inner_text()
    assert MARKER in rows and "2026-11-20" in rows
    status = page.locator("#log-status").inner_text()
    assert ("1 entrada" in status) if opened_in == "es/" else ("1 entry" in status), status
    ctx.close()


def test_spanish_log_writer_messages_are_spanish(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "es/write-your-log.html")
    page.click("#log-add")
    assert page.locator("#log-form-alert").inner_text() == "Escribe algo en al menos una casilla."
    page.click("#log-save-open")
    assert page.locator("#log-alert").inner_text() == "Aún no hay entradas para guardar. Añade una entrada primero."
    page.fill("#log-field-what", MARKER)
    page.click("#log-add")
    assert page.locator("#log-status").inner_text().startswith("Entrada añadida. Tienes 1 entrada")
    assert page.locator("#log-table tbody button").first.inner_text().startswith("Editar")
    page.click("#log-save-open")
    page.fill("#log-pass1", "corta")
    page.fill("#log-pass2", "corta")
    page.click("#log-save")
    assert "Esta frase clave es muy corta" in page.locator("#log-save-alert").inner_text()
    ctx.close()


def test_spanish_safety_plan_shows_the_spanish_checklists(built_pages_es, nav_pages_es):
    plan = built_pages_es["my-safety-plan.md"]
    groups = [h.get_text(strip=True) for h in plan.select(".plan-lists h3")]
    assert groups[0] == "El primer día de contacto cero"
    assert len(groups) == len([p for p in nav_pages_es if p.startswith("checklists/")]) - 1
    labels = [label.get_text(" ", strip=True) for label in plan.select(".plan-lists label")]
    assert any("Persona de confianza que sabe dónde está mi registro" in label for label in labels)


def test_source_copies_do_not_diverge_in_their_code_blocks():
    """The format page's Python example is the same in both editions (it is code, not prose)."""
    def code(path: Path) -> list[str]:
        return re.findall(r"```text\n(.*?)```", path.read_text(encoding="utf-8"), re.S)

    assert code(DOCS / "log-file-format.md") == code(DOCS_ES / "log-file-format.md")


def test_planted_spanish_page_without_description_fails(project_copy, tmp_path):
    """The Spanish build runs the same page checks: a page with no description stops it, naming the file."""
    project = project_copy()
    plant(project, "docs-es/about.md", "description: Quién hizo esta guía", "summary: Quién hizo esta guía")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.es.yml", "-d", str(tmp_path / "es")],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "DOWNLOADS": "off", "NO_MKDOCS_2_WARNING": "1"})
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "docs-es/about.md: front matter has no 'description'" in log, log


# ---------------------------------------------------------------------------
# The page tests that matter most, over the Spanish pages too
# ---------------------------------------------------------------------------

AEMET = re.compile(r"^https://www\.aemet\.es/")


def test_one_root_header_file_covers_both_editions(site_dir, site_dir_es):
    """The Spanish pages' inline scripts are the English ones: the root _headers policy allows them."""
    assert (site_dir / "_headers").read_text(encoding="utf-8") == (site_dir_es / "_headers").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def visit_es(browser, server, nav_pages_es):
    """Every Spanish page once, then a search: what the browser did."""
    pages = {src: f"{ES}/{html_path(src)}" for src in nav_pages_es + ["404.md"]}
    found = visit_every_page(browser, server, pages, "orden")
    assert found["results"] > 0, "the Spanish search found nothing for 'orden'"
    return found


def test_spanish_pages_request_nothing_elsewhere_and_keep_nothing(visit_es):
    assert visit_es["outside"] == [], visit_es["outside"]
    assert visit_es["cookies"] == [] and visit_es["storage"] == [[], []]
    problems = [line for line in visit_es["console"] if ": error: " in line or "Content Security Policy" in line]
    assert problems == [], "\n".join(problems)


def test_spanish_pages_have_the_strict_policy(visit_es):
    for src, policy in visit_es["policies"].items():
        assert policy.startswith("default-src 'self'"), f"docs-es/{src}: {policy!r}"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, src


@pytest.fixture
def exit_ctx(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.route(AEMET, lambda route: route.fulfill(status=200, content_type="text/html",
                                                 body="<!doctype html><title>El tiempo</title><p>Tiempo"))
    ctx.route(re.compile(r"^(?!" + re.escape(server) + r"|https://www\.aemet\.es/).*"), lambda route: route.abort())
    yield ctx
    ctx.close()


@pytest.mark.parametrize("how", ["click", "shift", "escape"])
def test_spanish_quick_exit_leaves_three_ways(exit_ctx, server, how):
    page = exit_ctx.new_page()
    page.goto(server + "es/index.html")
    page.goto(server + "es/guide/what-to-expect.html")
    page.wait_for_load_state("load")
    if how == "click":
        page.click("[data-quick-exit-link]")
    else:
        for _ in range(3 if how == "shift" else 2):
            page.keyboard.press("Shift" if how == "shift" else "Escape")
    page.wait_for_url(AEMET, timeout=5000)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == server + "es/index.html"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_axe_finds_nothing_on_the_spanish_pages(browser, server, nav_pages_es, size):
    """axe on every Spanish page; the same visits check the quick exit is the first Tab and nothing shifts."""
    urls = {server + ES + "/" + html_path(src): src for src in nav_pages_es + ["404.md"]}
    found = page_sweep(browser, list(urls), PHONE if size == "phone" else DESKTOP)
    problems = axe_report({url: facts["axe"] for url, facts in found.items()},
                          lambda url: f"docs-es/{urls[url]} [{size}]")
    assert not problems, "\n".join(problems)
    assert [urls[url] for url, facts in found.items() if not facts["first_tab"]] == []
    assert {urls[url]: facts["shift"] for url, facts in found.items() if facts["shift"] > 0} == {}


def test_spanish_safety_plan_shows_and_prints_the_picked_country(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "es/my-safety-plan.html")
    page.select_option("#plan-country", "mx")
    block = page.locator('.plan-help[data-country="mx"]')
    assert block.is_visible() and "079, opción 1" in block.inner_text()
    assert page.locator('.plan-help[data-country="es"]').is_hidden()
    assert page.get_by_role("button", name="Imprimir mi plan", exact=True).count() == 1
    page.emulate_media(media="print")
    assert "Números de ayuda: México" in page.locator(".plan-help-area").inner_text()
    ctx.close()


def test_each_spanish_checklist_prints_on_one_a4_and_one_letter_sheet(browser, server, nav_pages_es):
    """As the English checklists (test_checklists.py): Spanish runs longer, so each is printed here too."""
    import io

    checklists = [src for src in nav_pages_es if src.startswith("checklists/") and src != "checklists/index.md"]
    assert len(checklists) >= 9
    ctx = browser.new_context()
    page = ctx.new_page()
    over = []
    for src in checklists:
        page.goto(server + ES + "/" + html_path(src))
        page.emulate_media(media="print")
        for paper in ("A4", "Letter"):
            sheets = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
            if sheets != 1:
                over.append(f"docs-es/{src}: {sheets} {paper} sheets")
        page.emulate_media(media="screen")
    ctx.close()
    assert not over, over
