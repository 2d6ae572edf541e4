"""Every piece of the source article's advice is covered by a page and heading.

Each row: the advice, the page and heading that cover it, and a word or phrase
that must appear in that section (so emptying a section fails too).
"""

from __future__ import annotations

import re

import pytest

from conftest import article

COVERAGE = [
    # Why no contact
    ("No contact is the firm boundary that keeps you safe", "guide/why-no-contact.md", "What no contact is for", "boundary"),
    ("They want their supply back", "guide/why-no-contact.md", "Why they try to pull you back", "supply"),
    ("They may wait or ignore you to punish you before reaching out", "guide/why-no-contact.md", "The quiet before they reach out", "punish"),
    ("Charm; they know what to say; they are unlikely to change", "guide/why-no-contact.md", "Charm and promises", "change"),
    ("No contact stops the cycle", "guide/why-no-contact.md", "Why no contact keeps you safer", "cycle"),
    # What no contact means
    ("No calls, texts, social media or meetings", "guide/what-no-contact-means.md", "No contact of any kind", "social media"),
    ("Let property go; don't return theirs; get rid of reminders", "guide/what-no-contact-means.md", "Their things and yours", "replace"),
    ("Distance from their friends and family", "guide/what-no-contact-means.md", "Friends and family you share", "people you both know"),
    ("Closure comes without them; their answers are not honest", "guide/what-no-contact-means.md", "Closure without them", "closure"),
    ("Don't dwell on them: daydreams or revenge", "guide/what-no-contact-means.md", "Letting go of thoughts about them", "revenge"),
    # What to expect
    ("A pause at first", "guide/what-to-expect.md", "A pause first", "wait"),
    ("Attempts to get you back (hoovering)", "guide/what-to-expect.md", "Attempts to get you back", "hoovering"),
    ("Third parties carry messages", "guide/what-to-expect.md", "Messages through other people", "flying monkeys"),
    ("Gifts at home, work or on the car", "guide/what-to-expect.md", "Gifts at home, at work or on your car", "car"),
    ("Showing up at home, work, parking lots", "guide/what-to-expect.md", "Showing up in person", "parking"),
    ("The story that they ended it", "guide/what-to-expect.md", "The story that they ended it", "left you"),
    ("Lies and gossip to ruin your name", "guide/what-to-expect.md", "Lies and gossip", "smear campaign"),
    ("It can get worse for a while; stalking online, through others, in person", "guide/what-to-expect.md", "It may get worse for a while", "stalking"),
    # Protect yourself
    ("Block numbers and accounts; ignore unknown numbers and requests", "checklists/day-one.md", "Day one of no contact", "voicemail"),
    ("If they get through: hang up, block", "checklists/if-they-get-through.md", "If they get through anyway", "block"),
    ("Go no contact with go-betweens if needed", "checklists/go-betweens.md", "Friends and family who carry messages", "messages"),
    ("Support network and a therapist", "guide/protect-yourself.md", "Build a support network", "therapist"),
    ("Enlist coworkers and friends", "guide/protect-yourself.md", "Ask coworkers and friends for help", "at work"),
    ("Stay inside; someone else tells them to leave", "guide/protect-yourself.md", "If they show up", "inside"),
    ("Call the police if needed", "guide/protect-yourself.md", "When to call the police", "police"),
    ("Someone else removes gifts; don't open them", "guide/protect-yourself.md", "Gifts: let someone else remove them", "open"),
    ("A dated log for a restraining order", "guide/protect-yourself.md", "Keep a dated log", "restraining order"),
    ("Don't confront them", "guide/protect-yourself.md", "Why not to confront them", "even those words are contact"),
    ("No messages relayed through friends or coworkers", "guide/protect-yourself.md", "No messages through friends", "message"),
    ("Exact words: trespassing, not welcome, leave", "guide/protect-yourself.md", "The words to use", "You are trespassing. You are not welcome here. You need to leave now."),
    ("It is hard but possible with support", "guide/protect-yourself.md", "You can do this", "small step"),
    # Beyond the article
    ("Who the guide is for and where to begin", "index.md", "Where to begin", "path"),
    ("Narcissist used in its everyday sense, not a diagnosis", "index.md", "A note on words", "diagnosis"),
    ("Not legal or medical advice", "about.md", "Not legal or medical advice", "legal"),
    ("Low, written, recorded contact when no contact is impossible", "guide/when-no-contact-is-not-possible.md", "Keep contact low, written and on record", "written"),
    ("Shared children", "guide/when-no-contact-is-not-possible.md", "Shared children", "children"),
    ("Same workplace", "guide/when-no-contact-is-not-possible.md", "The same workplace", "work"),
    ("Court dates", "guide/when-no-contact-is-not-possible.md", "Court dates and legal matters", "court"),
    ("Gray rock", "guide/when-no-contact-is-not-possible.md", "The gray rock approach", "gray rock"),
    ("No blame: the article's boundary-issues line is not carried over", "guide/why-no-contact.md", "This is not your fault", "not caused by anything you did"),
]


def _section_text(soup, heading: str) -> str | None:
    content = article(soup)
    for h in content.find_all(re.compile(r"^h[1-6]$")):
        if h.get_text(" ", strip=True).replace("¶", "").strip() != heading:
            continue
        if h.name == "h1":
            return content.get_text()
        level = int(h.name[1])
        parts = []
        for sibling in h.find_next_siblings():
            if re.match(r"^h[1-6]$", sibling.name) and int(sibling.name[1]) <= level:
                break
            parts.append(sibling.get_text())
        return " ".join(parts)
    return None


@pytest.mark.parametrize("advice, src, heading, phrase", COVERAGE, ids=[row[0][:40] for row in COVERAGE])
def test_advice_is_covered(built_pages, advice, src, heading, phrase):
    assert src in built_pages, f"{advice}: page docs/{src} is gone"
    text = _section_text(built_pages[src], heading)
    assert text is not None, f"{advice}: heading {heading!r} is gone from docs/{src}"
    assert phrase.lower() in " ".join(text.split()).lower(), f"{advice}: {phrase!r} not in docs/{src} § {heading}"
