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
    # Plan for your safety (issue 11)
    ("Leaving and the time after it can be the most dangerous time", "guide/plan-for-your-safety.md", "Why the time after leaving can be risky", "most dangerous time"),
    ("Danger signs: threats to kill", "guide/plan-for-your-safety.md", "Signs that mean get help now", "threatened to kill"),
    ("Danger signs: choking or strangling at any time", "guide/plan-for-your-safety.md", "Signs that mean get help now", "strangled"),
    ("Danger signs: a weapon", "guide/plan-for-your-safety.md", "Signs that mean get help now", "weapon"),
    ("Danger signs: threats of suicide", "guide/plan-for-your-safety.md", "Signs that mean get help now", "threatened to kill themselves"),
    ("Danger signs: escalating following, showing up, messages", "guide/plan-for-your-safety.md", "Signs that mean get help now", "more and more"),
    ("Danger signs: breaking an order", "guide/plan-for-your-safety.md", "Signs that mean get help now", "broken a protective order"),
    ("Signs are reasons to get help, not a score", "guide/plan-for-your-safety.md", "Signs that mean get help now", "not a score or a test"),
    ("Risk tools are used with a trained person", "guide/plan-for-your-safety.md", "Signs that mean get help now", "with a trained person"),
    ("What a safety plan is", "guide/plan-for-your-safety.md", "What a safety plan is", "safety plan"),
    ("Safety plan: safe people", "guide/plan-for-your-safety.md", "Safe people", "trust"),
    ("Safety plan: a safe place", "guide/plan-for-your-safety.md", "A safe place", "shelter"),
    ("Safety plan: a bag and copies of documents", "guide/plan-for-your-safety.md", "A bag and copies of papers", "copies of ID"),
    ("Safety plan: a code word", "guide/plan-for-your-safety.md", "A code word", "I need help now"),
    ("Safety plan: phone and money safety", "guide/plan-for-your-safety.md", "Phone and money", "bank account"),
    ("Safety plan: routes and routines at work and school", "guide/plan-for-your-safety.md", "Work, school and your routes", "school"),
    ("Safety plan: if they show up", "guide/plan-for-your-safety.md", "If they show up", "stay inside"),
    ("Blocking, moving or removing a tracker can alert them: plan the order", "guide/plan-for-your-safety.md", "Plan the order of your steps", "advocate can help you plan"),
    ("When calling the police does not feel safe", "guide/plan-for-your-safety.md", "If calling the police does not feel safe", "immigration"),
    ("Start page links the plan page", "index.md", "Where to begin", "plan for your safety"),
    ("Day one warns that a sudden block can anger them", "checklists/day-one.md", "Day one of no contact", "plan for your safety"),
    ("Protect yourself points to the plan page", "guide/protect-yourself.md", "Protect yourself", "plan for your safety"),
    # If you are helping someone (issue 11)
    ("Helpers: listen without judging", "help-someone.md", "Listen without judging", "not their fault"),
    ("Helpers: respect their choices and pace", "help-someone.md", "Let them choose, at their own pace", "let them make the choices"),
    ("Helpers: any message is contact", "help-someone.md", "Do not pass on messages", "is contact"),
    ("Helpers: the trespassing words, said from a safe place", "help-someone.md", "If the ex shows up", "closed door"),
    ("Helpers: when to call the police instead", "help-someone.md", "When to call the police instead", "weapon"),
    ("Helpers: keep yourself safe", "help-someone.md", "Keep yourself safe", "do not confront"),
    ("Helpers: checklists, incident log and handbook", "help-someone.md", "Practical ways to help", "handbook"),
    ("Start page links the helpers' page", "index.md", "Who this guide is for", "if you are helping someone"),
    # Fixes from the advocate's reading (issue 11)
    ("Escalation: take it seriously, get help", "guide/what-to-expect.md", "It may get worse for a while", "take it seriously"),
    ("Escalation points to the plan page", "guide/what-to-expect.md", "It may get worse for a while", "plan for your safety"),
    ("Gifts in or on your car", "guide/what-to-expect.md", "Gifts at home, at work or on your car", "in or on your car"),
    ("A gift may hide a tracker", "guide/what-to-expect.md", "Gifts at home, at work or on your car", "tracker"),
    ("They want to end it on their terms", "guide/what-to-expect.md", "The story that they ended it", "on their terms"),
    ("They want to come back for the fix whenever it suits them", "guide/what-no-contact-means.md", "Closure without them", "whenever it suits them"),
    ("Answers come with a story to win sympathy", "guide/what-no-contact-means.md", "Closure without them", "feel sorry for them"),
    ("Frightening tactics, but staying stuck in the cycle costs more", "guide/protect-yourself.md", "Protect yourself", "stuck in the cycle"),
    ("The person who tells them to leave stays safe", "guide/protect-yourself.md", "If they show up", "closed door"),
    ("Never go out alone to face someone violent", "guide/protect-yourself.md", "If they show up", "alone"),
    ("Call the police at once if there is a threat", "guide/protect-yourself.md", "If they show up", "at once"),
    ("Checklist: the friend speaks through a closed door", "checklists/at-home-or-in-public.md", "At home", "closed door"),
    ("Checklist: threat or weapon, call the police at once", "checklists/at-home-or-in-public.md", "At home", "at once"),
    ("Back can still show an earlier page of the guide", "safety/quick-exit.md", "What it does not do", "earlier one"),
    ("Searching for the guide leaves a trace (quick exit)", "safety/quick-exit.md", "Getting back to the guide", "search history"),
    # The tools under pressure (issue 17): the keys, the lock's honest limits, the plan's wipe.
    ("Escape twice works even while typing", "safety/quick-exit.md", "Three ways to leave fast", "even while you are typing"),
    ("Shift three times does not count in a text box", "safety/quick-exit.md", "Three ways to leave fast", "except while you are typing in a box"),
    ("Lock limit: a guessable passphrase can be tried offline", "write-your-log.md", "What the lock cannot do", "with no limit"),
    ("Lock limit: copies in sent mail, chat, cloud, recently deleted", "write-your-log.md", "What the lock cannot do", "recently deleted"),
    ("Lock limit: the keyboard learns words", "write-your-log.md", "What the lock cannot do", "keyboard"),
    ("Lock limit: it does not prove when an entry was written", "write-your-log.md", "What the lock cannot do", "does not prove when you wrote"),
    ("Lock limit: printed sheets may carry title and address", "write-your-log.md", "What the lock cannot do", "headers and footers"),
    ("Lock limit: Shift keys while typing; Escape works", "write-your-log.md", "What the lock cannot do", "escape twice works anywhere"),
    ("Format page: the file cannot prove dates or changes", "log-file-format.md", "What the file cannot prove", "does not prove when an entry was written"),
    ("Format page: a guessable passphrase can be tried offline", "log-file-format.md", "What the file cannot prove", "as fast and as often"),
    ("Format page names the stand-alone reader", "log-file-format.md", "A reader you can run", "read_log_file.py"),
    ("My safety plan: any link empties it", "my-safety-plan.md", "My safety plan", "following any link"),
    ("Searching for the guide leaves a trace (device safety)", "safety/device-safety.md", "Finding this guide again", "private"),
    ("An unsent message goes on paper, not in the chat app", "checklists/when-you-feel-the-pull.md", "Buy some time", "notes app"),
    ("Supervised contact or exchange centres for handovers", "guide/when-no-contact-is-not-possible.md", "Shared children", "exchange centres"),
    ("You do not have to reply, not an order", "guide/when-no-contact-is-not-possible.md", "Keep contact low, written and on record", "you do not have to reply"),
    ("Gray rock is for dealing with the ex only", "guide/when-no-contact-is-not-possible.md", "The gray rock approach", "not for friends or family"),
    ("Glossary: trespassing hedged", "glossary.md", "Glossary", "in many places"),
    ("Glossary: gray rock for the ex only", "glossary.md", "Glossary", "for dealing with the ex only"),
    ("Helplines listen, not judge; usually anonymous", "help-now.md", "Get help now", "usually stay anonymous"),
    ("UK 999: 55 is for mobiles; landline explained", "help-now.md", "United Kingdom", "landline"),
    ("About: the kinds of sources the advice draws on", "about.md", "Where the advice comes from", "safety-planning guidance"),
]

# Ways of saying that escalation means no contact is working. None may ever appear again.
ESCALATION_AS_PROGRESS = re.compile(
    r"(sign|proof|means|shows)\s+(that\s+)?(your\s+)?no[\s-]contact\s+(is|was)\s+(working|succeeding)"
    r"|worse\s+(is|means)\s+(often\s+)?(good|progress)"
    r"|(is|are)\s+(often\s+)?a\s+good\s+sign",
    re.I,
)


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


def test_escalation_is_never_described_as_progress(built_pages):
    """Escalation is a warning sign to act on, never a sign that no contact works."""
    for src, soup in built_pages.items():
        text = " ".join(article(soup).get_text().split())
        found = ESCALATION_AS_PROGRESS.search(text)
        assert not found, f"docs/{src}: {found.group(0)!r} describes escalation as progress"


def test_escalation_pattern_catches_the_old_wording():
    assert ESCALATION_AS_PROGRESS.search("But it is often a sign that no contact is working.")
    assert ESCALATION_AS_PROGRESS.search("This shows no-contact is working")
    assert not ESCALATION_AS_PROGRESS.search("Things getting worse is a warning sign, not a sign of progress.")
