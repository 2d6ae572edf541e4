"""What the project corrects in the tagged PDFs WeasyPrint 70 writes, all in one place.

Every PDF of the site is written by ``print_pdf.write``, which passes the
bytes WeasyPrint wrote through :func:`correct` before saving them. Each
correction is numbered here and pinned by ``tests/test_pdf_tag_fixes.py``,
which prints a small document with WeasyPrint alone and fails when WeasyPrint
stops making the mistake (so the correction can be dropped):

1. Link descriptions. WeasyPrint sets every link annotation's ``/Contents``
   (what a screen reader announces) to the link's target: an internal id such
   as ``guide/plan-for-your-safety:plan-the-order``, a ``tel:`` address or a
   long URL. Here it is the link's own words with where it goes, as a person
   would say it: "Plan for your safety, page 12", "Call 0808 2000 247",
   "Refuge website".
2. One link, one ``Link`` element. A link that wraps onto a second line, or
   that holds another inline element, comes out as several ``Link`` elements
   (some nested in each other, some with no annotation, some annotations
   doubled or of zero size). Here each link is one ``Link`` element owning one
   annotation per line it covers; empty or doubled annotations are removed.
3. Running headers, footers and page numbers. WeasyPrint marks their text but
   leaves it out of the structure tree (PDF 1.7 allows no artifact there, its
   comment says). Here their marked content becomes a pagination artifact.
4. Word breaks. A space that falls at a line wrap is dropped from the text, so
   "a week" split over two lines reads "aweek". Here the line's last text is
   given ``/ActualText`` with the space put back, where the source had one.
5. Tables and lists. ``TH`` cells get ``/Scope`` (``Column`` or ``Row``, as the
   HTML's ``scope`` says, read from the cells' ``/Headers`` links) and the
   header ids go into an ``/IDTree``; numbered lists get ``/ListNumbering``.
6. Empty structure elements (WeasyPrint makes one for every empty box) are removed.
7. Headings that are not page titles. The handbook's cover title, its "Get
   help now" and "Contents" are paragraphs in the HTML (as headings they would
   add bookmarks, and the page titles are the handbook's h1 elements). Those
   marked ``data-pdf-heading`` become the structure types ``FrontH1`` and
   ``FrontH2``, role-mapped to ``H1`` and ``H2``: headings to a screen reader.
   (Not a WeasyPrint mistake, so no test pins it; tests/test_pdf_audit.py checks it.)
8. Page furniture in the body: the line under each checklist saying where the
   sheet came from (``print-footer``) is a pagination artifact, like a running
   footer. (Not a WeasyPrint mistake either; tests/test_pdf_audit.py checks it.)
9. One tree for the document, not one per page. WeasyPrint tags each page on
   its own, so a section or a list cut by a page break becomes two. Here what
   goes on from one page to the next (as the layout says, ``print_pdf``) is
   joined into one element; a table is left as one per page, each with its
   header row.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

# ---------------------------------------------------------------------------
# Reading the text of each marked-content sequence
# ---------------------------------------------------------------------------

CMAP_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")
CMAP_RANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def _to_unicode(font) -> dict[int, str]:
    """A font's glyph codes and the text each stands for (its ``/ToUnicode`` CMap)."""
    mapping: dict[int, str] = {}
    if "/ToUnicode" not in font:
        return mapping
    data = font.ToUnicode.read_bytes()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in CMAP_PAIR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for start, end, text in CMAP_RANGE.findall(block):
            first = int.from_bytes(bytes.fromhex(text.decode()), "big")
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


@dataclass
class Sequence:
    """One marked-content sequence with an MCID: its text and where its text starts and ends."""

    text: str = ""
    first: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    size: float = 0.0
    font: object = None


def marked_sequences(page) -> dict[int, Sequence]:
    """The text of each MCID on ``page``, decoded with the fonts' ``/ToUnicode`` maps."""
    fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
    maps = {name: _to_unicode(font) for name, font in fonts.items()}
    found: dict[int, Sequence] = {}
    stack: list[int | None] = []
    font, size, origin = None, 0.0, (0.0, 0.0)
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BDC":
            props = operands[1]
            mcid = int(props.MCID) if isinstance(props, Dictionary) and "/MCID" in props else None
            stack.append(mcid)
            if mcid is not None:
                found.setdefault(mcid, Sequence())
        elif op == "BMC":
            stack.append(None)
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "Tf":
            font, size = str(operands[0]), float(operands[1])
        elif op == "Tm":
            origin = (float(operands[4]), float(operands[5]))
        elif op in ("TJ", "Tj") and stack and stack[-1] is not None:
            sequence = found[stack[-1]]
            strings = [s for s in (operands[0] if op == "TJ" else [operands[0]]) if isinstance(s, pikepdf.String)]
            glyphs = maps.get(font, {})
            raw = b"".join(bytes(s) for s in strings)
            sequence.text += "".join(glyphs.get(int.from_bytes(raw[i:i + 2], "big"), "")
                                     for i in range(0, len(raw) - 1, 2))
            sequence.first = sequence.first or origin
            sequence.last, sequence.size, sequence.font = origin, size, font
    return found


# ---------------------------------------------------------------------------
# The structure tree
# ---------------------------------------------------------------------------


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _is_element(obj) -> bool:
    return isinstance(obj, Dictionary) and "/S" in obj


def _is_objr(obj) -> bool:
    return isinstance(obj, Dictionary) and obj.get("/Type") == "/OBJR"


@dataclass
class Tree:
    """The structure tree as corrections need it: pages, texts and the parent tree."""

    pdf: pikepdf.Pdf
    page_index: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)  # (page, mcid) -> Sequence

    def __post_init__(self):
        self.page_index = {page.obj.objgen: n for n, page in enumerate(self.pdf.pages)}
        for n, page in enumerate(self.pdf.pages):
            for mcid, sequence in marked_sequences(page).items():
                self.texts[(n, mcid)] = sequence

    def page_of(self, element, default=None):
        if "/Pg" in element:
            return self.page_index.get(element.Pg.objgen, default)
        return default

    def elements(self):
        """Every element reachable from the root, depth first, with its page index."""
        def walk(element, page):
            page = self.page_of(element, page)
            yield element, page
            for kid in _kids(element):
                if _is_element(kid):
                    yield from walk(kid, page)

        for top in _kids(self.pdf.Root.StructTreeRoot):
            if _is_element(top):
                yield from walk(top, None)

    def reading_order(self, element=None, page=None):
        """Every (page, MCID) in the tree, in the order a screen reader reads them."""
        if element is None:
            for top in _kids(self.pdf.Root.StructTreeRoot):
                if _is_element(top):
                    yield from self.reading_order(top, None)
            return
        page = self.page_of(element, page)
        for kid in _kids(element):
            if isinstance(kid, int):
                yield page, int(kid)
            elif _is_element(kid):
                yield from self.reading_order(kid, page)
            elif isinstance(kid, Dictionary) and "/MCID" in kid:
                yield self.page_of(kid, page), int(kid.MCID)

    def text(self, element, page=None) -> str:
        page = self.page_of(element, page)
        out = []
        for kid in _kids(element):
            if isinstance(kid, int):
                sequence = self.texts.get((page, int(kid)))
                out.append(sequence.text if sequence else "")
            elif _is_element(kid):
                actual = kid.get("/ActualText")
                out.append(str(actual) if actual is not None else self.text(kid, page))
            elif isinstance(kid, Dictionary) and "/MCID" in kid:
                sequence = self.texts.get((self.page_of(kid, page), int(kid.MCID)))
                out.append(sequence.text if sequence else "")
        return "".join(out)


def _set_kids(element, kids: list) -> None:
    element.K = Array(kids)


def _parent_tree_entries(pdf) -> dict[int, object]:
    """The parent tree's ``/Nums`` as a dict (WeasyPrint writes one flat array)."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _write_parent_tree(pdf, entries: dict[int, object]) -> None:
    nums = Array()
    for key in sorted(entries):
        nums.append(key)
        nums.append(entries[key])
    pdf.Root.StructTreeRoot.ParentTree.Nums = nums
    pdf.Root.StructTreeRoot.ParentTreeNextKey = max(entries, default=-1) + 1


# ---------------------------------------------------------------------------
# The corrections
# ---------------------------------------------------------------------------


def _target(annot) -> str:
    if "/Dest" in annot:
        return str(annot.Dest)
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    return ""


def _annotations_of(element) -> list:
    return [kid.Obj for kid in _kids(element) if _is_objr(kid)]


def _remove_annotation(pdf, annot, entries: dict) -> None:
    """Take ``annot`` off its page and out of the parent tree."""
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        kept = [a for a in annots if a.objgen != annot.objgen]
        if len(kept) != len(annots):
            page.obj.Annots = Array(kept)
    if "/StructParent" in annot:
        entries.pop(int(annot.StructParent), None)
        del annot["/StructParent"]


# Correction 2.
def one_link_one_element(tree: Tree, entries: dict) -> None:
    pdf = tree.pdf
    # Doubled and zero-area annotations: removed, with the OBJR that tagged them.
    seen, removed = set(), set()
    for page_number, page in enumerate(pdf.pages):
        for annot in list(page.obj.get("/Annots") or []):
            if annot.get("/Subtype") != "/Link":
                continue
            x1, y1, x2, y2 = (float(v) for v in annot.Rect)
            key = (page_number, _target(annot), round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1))
            if key in seen or abs(x2 - x1) < 0.5 or abs(y2 - y1) < 0.5:
                _remove_annotation(pdf, annot, entries)
                removed.add(annot.objgen)
            seen.add(key)
    for element, _ in list(tree.elements()):
        kids = [kid for kid in _kids(element) if not (_is_objr(kid) and kid.Obj.objgen in removed)]
        if len(kids) != len(_kids(element)):
            _set_kids(element, kids)

    # A Link inside a Link (a pseudo-element), or an annotation owned by an
    # element inside a link (a glossary <abbr>): content and annotations join
    # the outer Link.
    pending: dict[tuple, list] = defaultdict(list)

    def flatten(element, link):
        kids = []
        for kid in _kids(element):
            if _is_element(kid) and kid.S == "/Link" and link is not None:
                for inner in flatten(kid, link):
                    if _is_objr(inner):
                        pending[link.objgen].append(inner)
                        continue
                    kids.append(_mcid_on(kid, inner, element))
                    if _is_element(inner):
                        inner.P = element
                _adopt(kid, link, entries)
            elif _is_element(kid):
                _set_kids(kid, flatten(kid, kid if kid.S == "/Link" else link))
                if kid.S == "/Link":
                    kid.K.extend(pending.pop(kid.objgen, []))
                kids.append(kid)
            elif _is_objr(kid) and link is not None and element.objgen != link.objgen:
                pending[link.objgen].append(kid)
                if "/StructParent" in kid.Obj:
                    entries[int(kid.Obj.StructParent)] = link
            else:
                kids.append(kid)
        return kids

    for top in _kids(pdf.Root.StructTreeRoot):
        if _is_element(top):
            _set_kids(top, flatten(top, None))

    # Neighbouring Link elements going to one place (a link that wraps onto the
    # next line or page): one element, with an annotation for each line.
    for element, _ in list(tree.elements()):
        kids, merged = [], False
        for kid in _kids(element):
            previous = kids[-1] if kids else None
            if (_is_element(kid) and kid.S == "/Link" and _is_element(previous) and previous.S == "/Link"
                    and _annotations_of(kid) and _annotations_of(previous)
                    and {_target(a) for a in _annotations_of(kid)}
                    == {_target(a) for a in _annotations_of(previous)}):
                for inner in _kids(kid):
                    previous.K.append(_mcid_on(kid, inner, previous))
                    if _is_element(inner):
                        inner.P = previous
                _adopt(kid, previous, entries)
                merged = True
                continue
            kids.append(kid)
        if merged:
            _set_kids(element, kids)


def _mcid_on(old, kid, new):
    """``kid`` of ``old`` as a kid of ``new``: a bare MCID names its page if the two differ."""
    if isinstance(kid, int) and "/Pg" in old and ("/Pg" not in new or new.Pg.objgen != old.Pg.objgen):
        return Dictionary(Type=Name.MCR, MCID=kid, Pg=old.Pg)
    return kid


def _adopt(old, new, entries: dict) -> None:
    """Point the parent tree's entries for ``old`` (its MCIDs and annotations) at ``new``."""
    for annot in _annotations_of(old):
        if "/StructParent" in annot:
            entries[int(annot.StructParent)] = new
    for value in entries.values():
        if isinstance(value, Array):
            for i, ref in enumerate(value):
                if isinstance(ref, Dictionary) and ref.objgen == old.objgen:
                    value[i] = new


# Correction 1.
# The English words, for a PDF printed without its edition's (data/strings.yml, pdf_links).
ENGLISH_LINK_WORDS = {"call": "Call {number}", "email": "Email {address}", "website": "{name} website",
                      "page": "{words}, page {page}", "link": "Link", "says_web": "web ?site|site|web page|page"}


def describe_links(tree: Tree, page_of_destination, link_words: dict | None = None) -> None:
    for element, page in tree.elements():
        if element.S != "/Link":
            continue
        words = " ".join(tree.text(element, page).split())
        for annot in _annotations_of(element):
            annot.Contents = String(describe(words, _target(annot), page_of_destination, link_words))


def describe(words: str, target: str, page_of_destination, link_words: dict | None = None) -> str:
    """What a screen reader should say for a link with ``words`` going to ``target``, in the
    edition's language (``link_words``: the ``pdf_links`` section of its strings file)."""
    said = link_words or ENGLISH_LINK_WORDS
    words = words.strip(" .,;:")
    if target.startswith("tel:"):
        number = target[4:].replace("-", " ") if not words else words
        call = said["call"].format(number="").strip().lower()
        return number if words.lower().startswith(call) else said["call"].format(number=number)
    if target.startswith("mailto:"):
        return said["email"].format(address=words or target[7:])
    if target.startswith(("http://", "https://")):
        if not words or words.startswith(("http://", "https://", "www.")):
            host = re.sub(r"^www\.", "", target.split("/")[2])
            return said["website"].format(name=host)
        if re.search(rf"\b({said['says_web']})\b", words, re.I):
            return words
        return said["website"].format(name=words)
    page = page_of_destination(target)
    if not words:
        words = said["link"]
    return said["page"].format(words=words, page=page) if page is not None else words


# A marked-content sequence with an MCID, as WeasyPrint writes it: "/Span <</MCID 3>> BDC".
MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")


# Correction 3.
def margin_text_as_artifacts(tree: Tree, entries: dict) -> None:
    pdf = tree.pdf
    in_tree: dict[int, set[int]] = defaultdict(set)
    for element, page in tree.elements():
        for kid in _kids(element):
            if isinstance(kid, int):
                in_tree[page].add(int(kid))
            elif isinstance(kid, Dictionary) and "/MCID" in kid:
                in_tree[tree.page_of(kid, page)].add(int(kid.MCID))
    for n, page in enumerate(pdf.pages):
        contents = page.obj.Contents
        data = contents.read_bytes()

        def artifact(m: re.Match, page_number=n) -> bytes:
            if int(m.group(2)) in in_tree[page_number]:
                return m.group(0)
            return b"/Artifact <</Type /Pagination>> BDC"

        # Edited as bytes, not parsed and written again: that would triple the stream's size.
        changed = MARKED.sub(artifact, data)
        if changed != data:
            contents.write(changed)
        # The parent tree maps no artifact.
        mapping = entries.get(int(page.obj.get("/StructParents", n)))
        if isinstance(mapping, Array):
            for mcid in range(len(mapping)):
                if mcid not in in_tree[n]:
                    mapping[mcid] = None


# Correction 4.
def word_breaks(tree: Tree, spaces_at) -> int:
    """Put back the space at each line wrap where the source had one; return how many."""
    order = list(tree.reading_order())
    wanted: dict[int, set[int]] = defaultdict(set)
    written = [(key, tree.texts[key]) for key in order if key in tree.texts and tree.texts[key].text]
    for (key, before), (next_key, after) in zip(written, written[1:], strict=False):
        if before.text[-1].isspace() or after.text[0].isspace():
            continue
        new_line = next_key[0] != key[0] or abs(after.first[1] - before.last[1]) > before.size * 0.5
        if new_line and spaces_at(before.text, after.text):
            wanted[key[0]].add(key[1])
    count = 0
    for n, mcids in wanted.items():
        page = tree.pdf.pages[n]
        fonts = page.obj.Resources.Font
        spaces = {str(name): next((code for code, text in _to_unicode(font).items() if text == " "), None)
                  for name, font in fonts.items()}
        data = page.obj.Contents.read_bytes()
        pieces, last = [], 0
        for m in MARKED.finditer(data):
            if int(m.group(2)) not in mcids:
                continue
            end = data.index(b"EMC", m.end())
            segment = data[m.end():end]
            fonts_used = re.findall(rb"/(\S+)\s+[\d.]+\s+Tf", segment)
            code = spaces.get("/" + fonts_used[-1].decode()) if fonts_used else None
            close = segment.rfind(b"] TJ")
            if code is None or close < 0:
                continue
            pieces += [data[last:m.end() + close], f"<{code:04x}>".encode()]
            last = m.end() + close
            tree.texts[(n, int(m.group(2)))].text += " "
            count += 1
        if pieces:
            page.obj.Contents.write(b"".join(pieces) + data[last:])
    return count


def source_spaces(source_text: str):
    """A test of whether the source text has a space where two pieces of printed text meet."""
    text = " ".join(source_text.split())

    def spaces_at(before: str, after: str) -> bool:
        tail, head = before.split()[-1], after.split()[0]
        if tail.endswith(("-", "/", "\u00ad")):
            return False
        return f"{tail} {head}" in text and f"{tail}{head}" not in text

    return spaces_at


# Correction 5.
def table_headers_and_lists(tree: Tree) -> None:
    pdf = tree.pdf
    elements = [element for element, _ in tree.elements()]
    headers = {str(e.ID): e for e in elements if e.S == "/TH" and "/ID" in e}
    scope: dict[str, str] = {}
    for cell in elements:
        attributes = cell.get("/A")
        if cell.S != "/TD" or not isinstance(attributes, Dictionary) or "/Headers" not in attributes:
            continue
        for ref in attributes.Headers:
            header = headers.get(str(ref))
            if header is not None and scope.get(str(ref)) != "/Column":
                # A header in the cell's own row labels that row; any other labels its column.
                same_row = "/P" in header and "/P" in cell and header.P.objgen == cell.P.objgen
                scope[str(ref)] = "/Row" if same_row else "/Column"
    for key, header in headers.items():
        attributes = header.get("/A")
        if not isinstance(attributes, Dictionary):
            attributes = header.A = Dictionary(O=Name.Table)
        attributes.Scope = Name(scope.get(key, "/Column"))
    for element in elements:
        if element.S == "/TH" and "/ID" not in element:
            element.A = element.get("/A", Dictionary(O=Name.Table))
            element.A.Scope = Name.Column
    if headers:
        ids = pikepdf.NameTree.new(pdf)
        for key, header in sorted(headers.items()):
            ids[key] = header
        pdf.Root.StructTreeRoot.IDTree = ids.obj
    for element in elements:
        if element.S != "/L":
            continue
        labels = [" ".join(tree.text(label).split()) for item in _kids(element) if _is_element(item)
                  for label in _kids(item) if _is_element(label) and label.S == "/Lbl"]
        if labels and all(re.fullmatch(r"\d+[.)]?", label) for label in labels):
            element.A = Dictionary(O=Name.List, ListNumbering=Name.Decimal)


# Correction 6.
def remove_empty_elements(tree: Tree, entries: dict) -> None:
    def has_content(element, page) -> bool:
        page = tree.page_of(element, page)
        for kid in _kids(element):
            if _is_objr(kid):
                return True
            if isinstance(kid, int | Dictionary) and not _is_element(kid):
                mcid = int(kid) if isinstance(kid, int) else int(kid.get("/MCID", -1))
                sequence = tree.texts.get((tree.page_of(kid, page) if isinstance(kid, Dictionary) else page, mcid))
                if sequence is None or sequence.text:
                    return True
            elif _is_element(kid) and (kid.S in ("/Figure", "/Form") or has_content(kid, page)):
                return True
        return False

    def prune(element, page):
        page = tree.page_of(element, page)
        kept = []
        for kid in _kids(element):
            if _is_element(kid):
                if kid.S not in ("/Figure", "/Form") and not has_content(kid, page):
                    continue
                prune(kid, page)
            kept.append(kid)
        if len(kept) != len(_kids(element)):
            _set_kids(element, kept)

    for top in _kids(tree.pdf.Root.StructTreeRoot):
        if _is_element(top):
            prune(top, None)


# Correction 7.
def front_headings(tree: Tree, headings) -> None:
    pending = list(headings)
    for element, page in tree.elements():
        if not pending:
            break
        level, text = pending[0]
        if element.S == "/P" and " ".join(tree.text(element, page).split()) == text:
            element.S = Name(f"/FrontH{level}")
            role_map = tree.pdf.Root.StructTreeRoot.get("/RoleMap")
            if role_map is None:
                role_map = tree.pdf.Root.StructTreeRoot.RoleMap = Dictionary()
            role_map[f"/FrontH{level}"] = Name(f"/H{level}")
            pending.pop(0)
    if pending:
        raise ValueError(f"pdf_tag_fixes: no paragraph reads {pending[0][1]!r} for a heading")


# Correction 8.
def furniture_out_of_the_tree(tree: Tree, furniture) -> None:
    """Paragraphs reading exactly one of ``furniture`` leave the tree (correction 3 makes them artifacts)."""
    wanted = set(furniture)
    if not wanted:
        return
    for element, page in list(tree.elements()):
        kids = [kid for kid in _kids(element)
                if not (_is_element(kid) and kid.S == "/P"
                        and " ".join(tree.text(kid, tree.page_of(element, page)).split()) in wanted)]
        if len(kids) != len(_kids(element)):
            _set_kids(element, kids)


# Correction 9.
def join_across_pages(tree: Tree, continued, entries: dict) -> None:
    """Join the elements that go on from page n to page n + 1 (``continued[n]`` levels deep)."""
    document = next(top for top in _kids(tree.pdf.Root.StructTreeRoot) if _is_element(top))

    def join(a, b, levels: int) -> None:
        kids = _kids(b)
        if levels > 1 and kids and _kids(a):
            last, first = _kids(a)[-1], kids[0]
            if (_is_element(last) and _is_element(first) and last.S == first.S
                    and str(last.S) not in ("/Table", "/Figure", "/Form", "/Link")):
                join(last, first, levels - 1)
                kids = kids[1:]
        for kid in kids:
            a.K.append(_mcid_on(b, kid, a))
            if _is_element(kid):
                kid.P = a
        _adopt(b, a, entries)

    for page, levels in enumerate(continued):
        if levels < 1:
            continue
        tops = _kids(document)
        # The first element made on the next page, and the one before it (which may
        # have begun pages earlier, once joined).
        starts = [i for i, top in enumerate(tops) if _is_element(top) and tree.page_of(top) == page + 1]
        if not starts or starts[0] == 0 or not _is_element(tops[starts[0] - 1]):
            continue
        a, b = tops[starts[0] - 1], tops[starts[0]]
        if a.S != b.S or str(a.S) == "/Table":
            continue
        join(a, b, levels)
        _set_kids(document, tops[:starts[0]] + tops[starts[0] + 1:])


def correct(data: bytes, source_text: str | None = None, headings=(), furniture=(), continued=(),
            link_words: dict | None = None) -> bytes:
    """The corrected PDF for WeasyPrint's ``data``.

    ``source_text``: the text of the HTML it was printed from; ``headings``:
    (level, text) of each paragraph to read as a heading, in order;
    ``furniture``: the text of paragraphs that are page furniture;
    ``continued``: for each page after the first, how many elements go on from the page before;
    ``link_words``: the edition's words for link descriptions (``pdf_links`` in its strings file).
    """
    spaces_at = source_spaces(source_text) if source_text is not None else None
    pdf = pikepdf.open(io.BytesIO(data))
    if "/StructTreeRoot" not in pdf.Root:
        return data
    tree = Tree(pdf)
    entries = _parent_tree_entries(pdf)
    join_across_pages(tree, continued, entries)
    one_link_one_element(tree, entries)
    remove_empty_elements(tree, entries)
    if spaces_at is not None:
        word_breaks(tree, spaces_at)
    names = _destinations(pdf)
    describe_links(tree, lambda target: names.get(target), link_words)
    table_headers_and_lists(tree)
    front_headings(tree, headings)
    furniture_out_of_the_tree(tree, furniture)
    # Last: what the corrections above left out of the tree becomes an artifact too.
    margin_text_as_artifacts(tree, entries)
    _write_parent_tree(pdf, entries)
    out = io.BytesIO()
    # deterministic_id: the file /ID from the content, not random, so two builds from one
    # SOURCE_DATE_EPOCH give the same bytes (tests/test_reproducible.py).
    pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             deterministic_id=True)
    return out.getvalue()


def _destinations(pdf) -> dict[str, int]:
    """Each named destination and the page number (from 1) it is on."""
    pages = {page.obj.objgen: n + 1 for n, page in enumerate(pdf.pages)}
    found = {}
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return found
    tree = pikepdf.NameTree(names.Dests)
    for key, value in tree.items():
        dest = value.D if isinstance(value, Dictionary) else value
        found[str(key)] = pages.get(dest[0].objgen)
    return found
