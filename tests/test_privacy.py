"""Privacy: no request leaves the site, no cookies or storage, a strict CSP with no violations."""

from __future__ import annotations

import re

import pytest

from conftest import html_path, refuse_other_origins, visit_every_page


@pytest.fixture(scope="module")
def visit(browser, server, nav_pages):
    """Every page once (the "page not found" page too), then a search: what the browser did."""
    pages = {src: html_path(src) for src in nav_pages + ["404.md"]}
    return visit_every_page(browser, server, pages, "hoovering")


def test_no_request_to_any_other_origin(visit):
    assert visit["results"] > 0, "search returned nothing"
    assert visit["outside"] == [], visit["outside"]


def test_the_guard_refuses_and_lists_other_hosts(browser, server):
    """The guard the visits use is live: another host's request is refused and listed, the site's goes through."""
    ctx = browser.new_context()
    outside = refuse_other_origins(ctx, server)
    # A page of the site's address with no policy, so the page itself can ask another host.
    ctx.route(server + "guard-check.html", lambda route: route.fulfill(body="<!doctype html><title>check</title>",
                                                                      content_type="text/html"))
    page = ctx.new_page()
    page.goto(server + "guard-check.html")
    asked = page.evaluate("""urls => Promise.all(urls.map(url => fetch(url, {mode: 'no-cors'})
        .then(() => 'answered', () => 'refused')))""", [server + "index.html", "https://example.invalid/pixel.gif"])
    ctx.close()
    assert asked == ["answered", "refused"], asked
    assert outside == ["https://example.invalid/pixel.gif"], outside


def test_no_cookies_and_no_storage(visit):
    assert visit["cookies"] == []
    assert visit["storage"] == [[], []], visit["storage"]


def test_csp_meta_allows_only_this_site(visit):
    for src, policy in visit["policies"].items():
        assert policy.startswith("default-src 'self'"), f"docs/{src}: {policy!r}"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, src
        for directive in policy.split(";"):
            sources = directive.split()[1:]
            assert all(s in {"'self'", "'none'", "data:"} or s.startswith("'sha256-") for s in sources), directive


def test_no_csp_violation_or_error_in_the_console(visit):
    problems = [line for line in visit["console"] if "error" in line.split(": ")[1]
                or "Content Security Policy" in line]
    assert problems == [], "\n".join(problems)


def test_csp_blocks_a_third_party_script(browser, server):
    """The policy is live, not decorative: an injected third-party script is refused."""
    ctx = browser.new_context()
    requested = []
    ctx.route(re.compile(r"^https://cdn\.example/"), lambda route: (requested.append(route.request.url), route.abort()))
    page = ctx.new_page()
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(server + "index.html")
    page.evaluate("""() => { const s = document.createElement('script');
        s.src = 'https://cdn.example/x.js'; document.head.appendChild(s); }""")
    page.wait_for_timeout(300)
    ctx.close()
    assert requested == [] and violations


def test_header_files_for_static_hosts(site_dir):
    netlify = (site_dir / "_headers").read_text(encoding="utf-8")
    nginx = (site_dir / "nginx-headers.conf").read_text(encoding="utf-8")
    for text in (netlify, nginx):
        assert "Content-Security-Policy" in text and "frame-ancestors 'none'" in text
        assert "Referrer-Policy" in text and "no-referrer" in text
        assert "X-Content-Type-Options" in text and "nosniff" in text
        assert "Permissions-Policy" in text
    assert netlify.startswith("/*\n")
    assert all(line.startswith(("#", "add_header ")) for line in nginx.splitlines())


def _directives(policy: str) -> dict[str, list[str]]:
    """A CSP as {directive: sources}, parsed here (not by scripts/csp.py)."""
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            assert words[0] not in out, f"{words[0]} given twice in {policy!r}"
            out[words[0]] = words[1:]
    return out


def _header_policies(site_dir) -> dict[str, str]:
    netlify = (site_dir / "_headers").read_text(encoding="utf-8")
    nginx = (site_dir / "nginx-headers.conf").read_text(encoding="utf-8")
    found = {
        "_headers": re.findall(r"^\s+Content-Security-Policy:\s*(.+)$", netlify, re.M),
        "nginx-headers.conf": re.findall(r'^add_header Content-Security-Policy "([^"]+)"', nginx, re.M),
    }
    for name, policies in found.items():
        assert len(policies) == 1, f"{name}: {len(policies)} Content-Security-Policy lines"
    return {name: policies[0] for name, policies in found.items()}


def test_header_files_send_the_pages_own_strict_policy(visit, site_dir):
    """What a host sends must be at least as strict as the pages' own policy, with every page's script hashes."""
    page_hashes = set()
    page_policy: dict[str, list[str]] = {}
    for policy in visit["policies"].values():
        directives = _directives(policy)
        page_hashes |= {s for s in directives["script-src"] if s.startswith("'sha256-")}
        page_policy = {k: v for k, v in directives.items() if k != "script-src"}
    assert page_hashes, "no inline-script hashes in any page's policy"
    for name, policy in _header_policies(site_dir).items():
        sent = _directives(policy)
        assert sent.get("frame-ancestors") == ["'none'"], name
        for directive, sources in sent.items():
            for source in sources:
                assert source in {"'self'", "'none'"} or source.startswith("'sha256-") or (
                    source == "data:" and directive == "img-src"), f"{name}: {directive} allows {source}"
        assert set(sent["script-src"]) == {"'self'"} | page_hashes, f"{name}: script-src differs from the pages'"
        for directive, sources in page_policy.items():
            assert sent.get(directive) == sources, f"{name}: {directive} differs from the pages' policy"

