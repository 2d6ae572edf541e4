"""An audit of a built PDF as a screen reader meets it, read with pikepdf (and pdfplumber for text).

Independent of scripts/pdf_tag_fixes.py on purpose: the text of each
marked-content sequence comes from pdfplumber (its own font decoding), the
structure from pikepdf. ``python tests/pdf_audit.py FILE...`` prints the counts.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

# An internal destination as WeasyPrint names it: "<page>:<id>".
INTERNAL_ID = re.compile(r"^[\w./-]*:[\w.-]*$")


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def is_elem(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and "/S" in obj


def is_objr(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/OBJR"


def is_mcr(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and "/MCID" in obj


@dataclass
class Element:
    tag: str
    obj: object
    page: int | None
    parent: Element | None
    kids: list = field(default_factory=list)  # Element, ("mcid", page, n) or ("objr", annot)


def structure(pdf: pikepdf.Pdf) -> list[Element]:
    """Every structure element reachable from the root, depth first."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    found: list[Element] = []

    def walk(obj, page, parent):
        if "/Pg" in obj:
            page = pages.get(obj.Pg.objgen, page)
        element = Element(str(obj.S), obj, page, parent)
        found.append(element)
        for kid in _kids(obj):
            if isinstance(kid, int):
                element.kids.append(("mcid", page, int(kid)))
            elif is_elem(kid):
                element.kids.append(walk(kid, page, element))
            elif is_objr(kid):
                element.kids.append(("objr", kid.Obj))
            elif is_mcr(kid):
                kid_page = pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                element.kids.append(("mcid", kid_page, int(kid.MCID)))
        return element

    for top in _kids(pdf.Root.StructTreeRoot):
        if is_elem(top):
            walk(top, None, None)
    return found


@dataclass(frozen=True)
class Char:
    """One character as pdfplumber places it on its page (points, from the top left)."""

    text: str
    mcid: int | None
    x0: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PageChars:
    width: float
    height: float
    chars: tuple[Char, ...]


@functools.lru_cache(maxsize=16)
def _read_chars(path: str, stamp: tuple[int, int]) -> tuple[PageChars, ...]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return tuple(PageChars(float(page.width), float(page.height),
                               tuple(Char(c["text"], c.get("mcid"), c["x0"], c["x1"], c["bottom"]) for c in page.chars))
                     for page in pdf.pages)


def page_chars(path) -> tuple[PageChars, ...]:
    """Every page's characters, read once per file and session (the slowest step of the PDF tests);
    read again if the file changes."""
    status = Path(path).stat()
    return _read_chars(str(path), (status.st_mtime_ns, status.st_size))


def marked_text(path) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page index, MCID), as pdfplumber decodes it."""
    texts: dict[tuple[int, int], list[str]] = defaultdict(list)
    for n, page in enumerate(page_chars(path)):
        for char in page.chars:
            if char.mcid is not None:
                texts[(n, char.mcid)].append(char.text)
    return {key: "".join(chars) for key, chars in texts.items()}


def text_of(element: Element, texts: dict) -> str:
    """The element's text in structure order, each sequence as written (no space added between them)."""
    out = []
    for kid in element.kids:
        if isinstance(kid, Element):
            out.append(text_of(kid, texts))
        elif kid[0] == "mcid":
            out.append(texts.get((kid[1], kid[2]), ""))
    return "".join(out)


def content_mcids(pdf: pikepdf.Pdf) -> dict[tuple[int, int], str]:
    """Every MCID in the page content streams, with the tag of its marked-content sequence."""
    found = {}
    for n, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                found[(n, int(operands[1].MCID))] = str(operands[0])
    return found


def annotation_target(annot) -> str:
    if "/Dest" in annot:
        return str(annot.Dest)
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    if action is not None and "/D" in action:
        return str(action.D)
    return ""


def links(pdf: pikepdf.Pdf) -> list[tuple[int, object]]:
    return [(n, annot) for n, page in enumerate(pdf.pages) for annot in page.obj.get("/Annots") or []
            if annot.get("/Subtype") == "/Link"]


def contents_pages(texts: dict, pdf: pikepdf.Pdf) -> list[int]:
    """The handbook's contents pages: from the page whose first text is "Contents" up to the
    page the first bookmark (the guide's first page) points at; the contents can fill more than one."""
    start = None
    for n in range(min(4, len(pdf.pages))):
        first = next((texts[key] for key in sorted(texts) if key[0] == n and texts[key].strip()), "")
        if first.strip().startswith("Contents"):
            start = n
            break
    if start is None:
        return []
    pages = {page.objgen: n for n, page in enumerate(pdf.pages)}
    with pdf.open_outline() as outline:
        first_page = None
        if outline.root:
            destination = outline.root[0].destination
            if destination is not None and len(destination) and destination[0].objgen in pages:
                first_page = pages[destination[0].objgen]
    end = first_page if first_page and first_page > start else start + 1
    return list(range(start, end))


def audit(path: Path) -> dict:
    """What a blind reader would still meet in ``path``: counts, and examples of each problem."""
    pdf = pikepdf.open(path)
    texts = marked_text(path)
    elements = structure(pdf)
    annots = links(pdf)
    in_tree = {(kid[1], kid[2]) for e in elements for kid in e.kids if isinstance(kid, tuple) and kid[0] == "mcid"}
    owned = {kid[1].objgen for e in elements for kid in e.kids if isinstance(kid, tuple) and kid[0] == "objr"}
    marked = content_mcids(pdf)
    result: dict = {"links": len(annots), "problems": defaultdict(list)}
    problems = result["problems"]

    for n, annot in annots:
        contents, target = str(annot.get("/Contents", "")), annotation_target(annot)
        if not contents.strip() or contents == target or INTERNAL_ID.match(contents) or contents.startswith(
                ("http", "tel:", "mailto:")):
            problems["description is the target or an id"].append(f"page {n + 1}: {contents!r}")
        x1, y1, x2, y2 = (float(v) for v in annot.Rect)
        if abs(x2 - x1) < 0.5 or abs(y2 - y1) < 0.5:
            problems["zero-area annotation"].append(f"page {n + 1}: {target}")
        if annot.objgen not in owned:
            problems["annotation not in the structure tree"].append(f"page {n + 1}: {target}")
    seen = Counter((n, annotation_target(a), tuple(round(float(v), 1) for v in a.Rect)) for n, a in annots)
    problems["duplicate annotation"] += [f"page {k[0] + 1}: {k[1]} x{c}" for k, c in seen.items() if c > 1]

    for element in elements:
        if element.tag == "/Link":
            if not any(isinstance(k, tuple) and k[0] == "objr" for k in element.kids):
                problems["Link without annotation"].append(f"page {(element.page or 0) + 1}: "
                                                           f"{text_of(element, texts)[:60]!r}")
            parent = element.parent
            while parent is not None:
                if parent.tag == "/Link":
                    problems["Link inside a Link"].append(f"page {(element.page or 0) + 1}: "
                                                          f"{text_of(element, texts)[:60]!r}")
                    break
                parent = parent.parent
        if element.tag == "/TH":
            attributes = element.obj.get("/A")
            attributes = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
            if not any(a is not None and "/Scope" in a for a in attributes):
                problems["TH without /Scope"].append(f"page {(element.page or 0) + 1}: "
                                                     f"{text_of(element, texts)[:40]!r}")
        if not element.kids or not (text_of(element, texts).strip() or any(
                isinstance(k, tuple) and k[0] == "objr" for k in _all_kids(element))
                or element.tag in ("/Figure",)):
            problems["empty structure element"].append(f"{element.tag} page {(element.page or 0) + 1}")
        if element.tag == "/L" and any(re.match(r"\d+\.$", text_of(k, texts).strip())
                                       for li in element.kids if isinstance(li, Element)
                                       for k in li.kids if isinstance(k, Element) and k.tag == "/Lbl"):
            attributes = element.obj.get("/A")
            if attributes is None or "/ListNumbering" not in attributes:
                problems["numbered list without /ListNumbering"].append(f"page {(element.page or 0) + 1}")

    for key in sorted(marked):
        if key not in in_tree and texts.get(key, "").strip():
            problems["text outside the tree and not an artifact"].append(
                f"page {key[0] + 1}: {texts[key][:40]!r}")

    for n in contents_pages(texts, pdf):
        page_annots = [annot_target for m, a in annots if m == n for annot_target in [annotation_target(a)]]
        counts = Counter(page_annots)
        problems["more than one annotation per contents entry"] += [
            f"{t} x{c}" for t, c in counts.items() if c > 1]
    result["counts"] = {name: len(found) for name, found in problems.items()}
    result["elements"], result["texts"], result["pdf"] = elements, texts, pdf
    return result


def _all_kids(element: Element):
    for kid in element.kids:
        if isinstance(kid, Element):
            yield from _all_kids(kid)
        else:
            yield kid


def page_text(result: dict, page: int) -> str:
    """The text of one page in structure order, sequences joined as written."""
    out = []

    def walk(element):
        for kid in element.kids:
            if isinstance(kid, Element):
                walk(kid)
            elif kid[0] == "mcid" and kid[1] == page:
                out.append(result["texts"].get((kid[1], kid[2]), ""))

    for element in result["elements"]:
        if element.parent is None:
            walk(element)
    return "".join(out)


def descriptions(result: dict) -> list[str]:
    return [str(a.get("/Contents", "")) for _, a in links(result["pdf"])]


def main(argv=None) -> int:
    for name in argv if argv is not None else sys.argv[1:]:
        result = audit(Path(name))
        print(f"== {name}: {result['links']} link annotations")
        for problem, found in result["problems"].items():
            print(f"  {problem}: {len(found)}  e.g. {found[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
