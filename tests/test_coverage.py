"""Every piece of the source article's advice is covered by a page and heading.

Each row: the advice, the page and heading that cover it, and a word or phrase
that must appear in that section (so emptying a section fails too).
"""

from __future__ import annotations

import re

import pytest

from conftest import article, heading_text

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
    ("Block numbers and accounts; ignore unknown numbers and requests", "checklists/day-one.md", "Close the doors", "voicemail"),
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
    ("Helpers: the trespassing words, said from a safe place", "help-someone.md", "If their ex shows up", "closed door"),
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
    ("Checklist ticks on screen are not saved", "checklists/index.md", "Checklists", "not saved anywhere"),
    ("Searching for the guide leaves a trace (device safety)", "safety/device-safety.md", "Finding this guide again", "private"),
    ("An unsent message goes on paper, not in the chat app", "checklists/when-you-feel-the-pull.md", "Buy some time", "notes app"),
    ("Supervised contact or exchange centres for handovers", "guide/when-no-contact-is-not-possible.md", "Shared children", "exchange centres"),
    ("You do not have to reply, not an order", "guide/when-no-contact-is-not-possible.md", "Keep contact low, written and on record", "you do not have to reply"),
    ("Gray rock is for dealing with the ex only", "guide/when-no-contact-is-not-possible.md", "The gray rock approach", "not for friends or family"),
    ("Glossary: trespassing hedged", "glossary.md", "Trespassing", "in many places"),
    ("Glossary: gray rock for the ex only", "glossary.md", "Gray rock", "for dealing with your ex only"),
    ("Helplines listen, not judge; usually anonymous", "help-now.md", "Get help now", "usually stay anonymous"),
    ("UK 999: 55 is for mobiles; landline explained", "help-now.md", "United Kingdom", "landline"),
    ("About: the kinds of sources the advice draws on", "about.md", "Where the advice comes from", "safety-planning guidance"),
    # Second advocate reading (issue 18): 1. protective orders as they really work
    ("Orders: serving can set off danger; plan that day", "guide/protect-yourself.md", "Protective orders: how they work", "plan that day with an advocate"),
    ("Orders: the forms may show your address; keep it private", "guide/protect-yourself.md", "Protective orders: how they work", "address schemes"),
    ("Orders: an order is paper, keep the plan", "guide/protect-yourself.md", "Protective orders: how they work", "an order is paper"),
    ("Orders: carry a copy", "guide/protect-yourself.md", "Protective orders: how they work", "carry a copy"),
    ("Orders: when it is broken, log and report", "guide/protect-yourself.md", "Protective orders: how they work", "report it to the police"),
    ("Orders: hedged by place, legal aid or advocate", "guide/protect-yourself.md", "Protective orders: how they work", "ask an advocate or legal aid"),
    ("Order checklist: plan the serving day", "checklists/protective-order.md", "Before you apply", "plan the day it is served"),
    ("Order checklist: keep your address private", "checklists/protective-order.md", "Before you apply", "keep it private"),
    ("Order checklist: carry a copy", "checklists/protective-order.md", "After it is served", "carry a copy"),
    ("Order checklist: if they break it", "checklists/protective-order.md", "After it is served", "if they break it"),
    ("Order checklist: an order is paper", "checklists/protective-order.md", "After it is served", "an order is paper"),
    ("Order checklist: legal aid explained", "checklists/protective-order.md", "Getting ready for a protective order", "free or low-cost legal help"),
    # 2. the trespass words
    ("Trespass words may not apply if they live there or own it", "guide/protect-yourself.md", "If they have a right to be there", "owns or rents"),
    ("Trespass: a parent's rights at a school", "guide/protect-yourself.md", "If they have a right to be there", "parent with legal rights"),
    ("Trespass: call about threats, harassment, stalking, a broken order", "guide/protect-yourself.md", "If they have a right to be there", "threats, harassment, stalking or a broken order"),
    ("Trespass hedge on the at-home checklist", "checklists/at-home-or-in-public.md", "At home", "owns it or rents it"),
    ("Trespass hedge for helpers", "help-someone.md", "If their ex shows up", "threats, harassment, stalking or a broken order"),
    ("Helpers: trespass hedged the same way", "help-someone.md", "If their ex shows up", "can count as trespassing"),
    ("Trespass hedge in the glossary", "glossary.md", "Trespassing", "own or rent it"),
    # 3. blocking and evidence
    ("Blocking can hide the proof an order needs", "guide/what-no-contact-means.md", "Blocking and keeping proof", "no record of blocked"),
    ("Blocking options: screenshot first", "guide/what-no-contact-means.md", "Blocking and keeping proof", "screenshot first"),
    ("Blocking options: mute or filter", "guide/what-no-contact-means.md", "Blocking and keeping proof", "mute or filter"),
    ("Blocking options: keep the old number on an old phone", "guide/what-no-contact-means.md", "Blocking and keeping proof", "old phone"),
    ("Blocking options: a trusted person reads it", "guide/what-no-contact-means.md", "Blocking and keeping proof", "a trusted person reads it"),
    ("Blocking options: report to the platform", "guide/what-no-contact-means.md", "Blocking and keeping proof", "report threats"),
    ("Blocking options: the reader chooses", "guide/what-no-contact-means.md", "Blocking and keeping proof", "it is your call"),
    ("Day one: screenshot before you block", "checklists/day-one.md", "Close the doors", "before you block, screenshot"),
    ("Day one: block, mute or filter", "checklists/day-one.md", "Close the doors", "block, mute or filter"),
    ("If they get through: mute so messages are kept", "checklists/if-they-get-through.md", "In the moment", "mute it so the messages are kept"),
    ("If they get through: a trusted person reads", "checklists/if-they-get-through.md", "In the moment", "a trusted person can read"),
    ("If they get through: report to the platform", "checklists/if-they-get-through.md", "Afterwards", "report threats"),
    # 4. their belongings
    ("Belongings: yours and theirs are separate", "guide/what-no-contact-means.md", "Their things and yours", "things that belong to them"),
    ("Belongings: return through a third party", "guide/what-no-contact-means.md", "Their things and yours", "hand them over"),
    ("Belongings: civil standby where one exists", "guide/what-no-contact-means.md", "Their things and yours", "civil standby"),
    ("Belongings: a lawyer", "guide/what-no-contact-means.md", "Their things and yours", "a lawyer can arrange"),
    ("Belongings: throwing theirs out can bring a complaint", "guide/what-no-contact-means.md", "Their things and yours", "complaint to the police or a problem in court"),
    ("Belongings: no contact to return things", "guide/what-no-contact-means.md", "Their things and yours", "do not need to reach out or meet"),
    ("Day one: return their things safely", "checklists/day-one.md", "Their things and yours", "return them safely"),
    # 5. children and schools
    ("Schools: a parent with rights unless a court order", "guide/plan-for-your-safety.md", "Children", "unless there is a court order"),
    ("Schools: give the school a copy of any order", "guide/plan-for-your-safety.md", "Children", "give the school a copy"),
    ("Children: devices the ex gave them", "guide/plan-for-your-safety.md", "Children", "your ex gave the children"),
    ("Children: no secrets", "guide/plan-for-your-safety.md", "Children", "not to ask children to keep secrets"),
    ("Children: handovers", "guide/plan-for-your-safety.md", "Children", "handovers"),
    # 6. being followed
    ("Followed while driving: don't drive home", "checklists/at-home-or-in-public.md", "In a parking lot or public place", "don't drive home"),
    ("Followed: police station or busy place", "checklists/at-home-or-in-public.md", "In a parking lot or public place", "police station or busy place"),
    ("Alone: stay on the phone with a safe person", "checklists/at-home-or-in-public.md", "In a parking lot or public place", "stay on the phone"),
    ("At work: followed while driving", "checklists/at-work.md", "If they show up", "don't drive home"),
    # 8. honest privacy words
    ("Start page: the host logs visits", "index.md", "Staying safe while you read", "normally logs"),
    ("Start page: the offline copy avoids it", "index.md", "Staying safe while you read", "on your own device avoids that"),
    ("Privacy: what the host sees", "safety/privacy.md", "What the host sees", "ip address"),
    ("Privacy: offline copy sends nothing", "safety/privacy.md", "What the host sees", "sends nothing"),
    ("Privacy agrees with quick exit: does not normally store anything", "safety/privacy.md", "What your browser may keep", "does not normally store anything"),
    ("Privacy: Back with JavaScript off", "safety/privacy.md", "What your browser may keep", "javascript turned off"),
    # 9. medium and low findings
    ("Helpline numbers saved under a neutral name", "help-now.md", "Before you call", "plain name"),
    ("Day one: save numbers under a plain name", "checklists/day-one.md", "Support and safety", "plain name"),
    ("Call history syncs across a shared account", "help-now.md", "Before you call", "apple or google account"),
    ("Delete your own helpline traces, keep theirs", "help-now.md", "Before you call", "your own trace"),
    ("Changing passwords can alert them", "guide/plan-for-your-safety.md", "Plan the order of your steps", "changing your passwords"),
    ("Risk sign: forced sex", "guide/plan-for-your-safety.md", "Signs that mean get help now", "forced you into sex"),
    ("Risk sign: pregnancy or a new baby", "guide/plan-for-your-safety.md", "Signs that mean get help now", "pregnant or have a new baby"),
    ("Risk sign: growing jealousy and control", "guide/plan-for-your-safety.md", "Signs that mean get help now", "jealousy or control is growing"),
    ("Bail conditions explained", "guide/plan-for-your-safety.md", "Signs that mean get help now", "rules set while a"),
    ("DASH: one widely used", "guide/plan-for-your-safety.md", "Signs that mean get help now", "one widely used"),
    ("A package that looks dangerous", "checklists/gifts-and-deliveries.md", "When something arrives", "don't move it"),
    ("'For good' softened for readers who keep contact", "guide/why-no-contact.md", "What no contact is for", "when no contact is not possible"),
    ("'For good' softened for readers who go back", "guide/why-no-contact.md", "What no contact is for", "no shame"),
    ("One definition of narcissist (about)", "about.md", "A note on words", "self-centred and abusive"),
    ("One definition of narcissist (start page)", "index.md", "A note on words", "self-centred and abusive"),
    ("Garbled sentence fixed: the story is false", "guide/what-to-expect.md", "The story that they ended it", "their story is false"),
    ("Helpers ask first how much to hear", "help-someone.md", "Do not pass on messages", "ask first how much"),
    ("Code word, one word for one idea", "checklists/my-support-network.md", "Services and safety", "code word"),
    ("TTY explained", "help-now.md", "United States", "a phone you type on"),
    ("Device safety links the trackers page", "safety/device-safety.md", "Spyware and tracking", "trackers, smart devices and accounts"),
    ("HR explained", "guide/when-no-contact-is-not-possible.md", "The same workplace", "staff team"),
    ("CSV explained", "incident-log.md", "Download the log", "simple table file"),
    # New sections (issue 18)
    ("Coercive control: what it is", "guide/coercive-control.md", "What coercive control is", "cutting you off"),
    ("Coercive control: money, monitoring, threats, rules", "guide/coercive-control.md", "What coercive control is", "rules"),
    ("Coercive control: abuse without violence", "guide/coercive-control.md", "Abuse without violence", "even if they never touch you"),
    ("Coercive control: a crime in England and Wales", "guide/coercive-control.md", "A crime in some places", "serious crime act 2015"),
    ("Coercive control: a crime in Scotland", "guide/coercive-control.md", "A crime in some places", "domestic abuse (scotland) act 2018"),
    ("Coercive control: a crime in Ireland", "guide/coercive-control.md", "A crime in some places", "domestic violence act 2018"),
    ("Money: economic abuse", "guide/coercive-control.md", "Money and economic abuse", "economic abuse"),
    ("Money: joint accounts", "guide/coercive-control.md", "Money and economic abuse", "joint account"),
    ("Money: debts", "guide/coercive-control.md", "Money and economic abuse", "debts"),
    ("Money: credit checks", "guide/coercive-control.md", "Money and economic abuse", "credit report"),
    ("Money: PINs", "guide/coercive-control.md", "Money and economic abuse", "pins"),
    ("Money: where wages and benefits are paid", "guide/coercive-control.md", "Money and economic abuse", "wages and any benefits"),
    ("Money: post redirection", "guide/coercive-control.md", "Money and economic abuse", "send your mail on"),
    ("Tech: unknown-tracker alerts", "guide/trackers-and-accounts.md", "Hidden trackers", "alerts for trackers"),
    ("Tech: scan for a tracker", "guide/trackers-and-accounts.md", "Hidden trackers", "scan for a tracker"),
    ("Tech: smart doorbells, cameras, speakers", "guide/trackers-and-accounts.md", "Smart home devices", "doorbells, cameras, speakers"),
    ("Tech: connected-car apps", "guide/trackers-and-accounts.md", "Your car", "app that shows where the car is"),
    ("Tech: sign out of other sessions", "guide/trackers-and-accounts.md", "Accounts and sign-ins", "sign out of all other devices"),
    ("Tech: two-step codes", "guide/trackers-and-accounts.md", "Accounts and sign-ins", "two-step"),
    ("Tech: recovery numbers", "guide/trackers-and-accounts.md", "Accounts and sign-ins", "recovery details"),
    ("Tech: photo location data", "guide/trackers-and-accounts.md", "Photos and posts", "turn off location for your camera"),
    ("Tech: threats to share intimate images", "guide/trackers-and-accounts.md", "Threats to share private images", "threaten to share"),
    ("New home: changing locks", "guide/a-new-home-and-pets.md", "A new home", "change the locks"),
    ("New home: keeping the address private", "guide/a-new-home-and-pets.md", "A new home", "safe address"),
    ("New home: not posting where you are", "guide/a-new-home-and-pets.md", "A new home", "try not to post"),
    ("Pets: fostering schemes", "guide/a-new-home-and-pets.md", "Pets", "foster pets for people leaving abuse"),
    ("Pets: proof that a pet is yours", "guide/a-new-home-and-pets.md", "Pets", "microchip"),
    ("Pets: pets in orders", "guide/a-new-home-and-pets.md", "Pets", "can also cover pets"),
    ("It still hurts: trauma reactions", "guide/when-it-still-hurts.md", "Common reactions", "numbness"),
    ("It still hurts: sleep and panic", "guide/when-it-still-hurts.md", "Common reactions", "panic"),
    ("It still hurts: being on guard", "guide/when-it-still-hurts.md", "Common reactions", "being on guard"),
    ("It still hurts: the pull, trauma bond in plain words", "guide/when-it-still-hurts.md", "The pull back", "trauma bond"),
    ("It still hurts: a crisis line in every country, by one rule", "guide/when-it-still-hurts.md", "If you feel you cannot cope", "one crisis line for each country"),
    ("If you go back: no shame", "guide/when-it-still-hurts.md", "If you go back", "no shame"),
    ("If you go back: many leave more than once", "guide/when-it-still-hurts.md", "If you go back", "more than once"),
    ("If you go back: keep your plan; helplines still help", "guide/when-it-still-hurts.md", "If you go back", "helplines still help"),
    ("If you slip links if you go back", "guide/what-no-contact-means.md", "If you slip", "if you go back"),
    ("Readers: men", "guide/help-that-fits-you.md", "Men", "men are abused"),
    ("Readers: LGBT+, outing as a threat", "guide/help-that-fits-you.md", "LGBT+ readers", 'threaten to "out" you'),
    ("Readers: disabled, the abuser as carer", "guide/help-that-fits-you.md", "Disabled readers", "your carer"),
    ("Readers: disabled, relay services", "guide/help-that-fits-you.md", "Disabled readers", "relay service"),
    ("Stalking: report it as a pattern", "guide/what-to-expect.md", "It may get worse for a while", "report it to the police as stalking"),
    ("Co-parenting apps: the court may see them", "guide/when-no-contact-is-not-possible.md", "Shared children", "a court, may see these messages"),
    ("Help now points to the crisis line rule", "help-now.md", "Before you call", "one crisis line"),
    ("Readers: older", "guide/help-that-fits-you.md", "Older readers", "abuse does not stop with age"),
    ("Readers: immigration status tied to the partner", "guide/help-that-fits-you.md", "If your visa depends on your ex", "immigration adviser"),
    ("Plan page links every new page", "guide/plan-for-your-safety.md", "Other things to plan for", "help that fits you"),
]

# The word choices in CONTRIBUTING.md ("Word choices"): each rule is a pattern no built page
# may contain, and what to write instead.
STYLE_RULES = [
    (re.compile(r"\bthe other person\b", re.I), 'say "your ex" (or "their ex" on the helpers\' page)'),
    (re.compile(r"\b(?:the|an) abuser\b", re.I), 'say "your ex"'),
    (re.compile(r"\bthe person who abuses\b", re.I), 'say "your ex"'),
    (re.compile(r"\bthe ex\b", re.I), 'say "your ex" (or "their ex" on the helpers\' page)'),
    (re.compile(r"\bsafe word\b", re.I), 'say "code word"'),
    (re.compile(r"\b(?:color|colors|center|centers|counselor|counselors|neighbor|neighbors|behavior|"
                r"organize|organized|realize|self-centered)\b", re.I), "use British spelling"),
    (re.compile(r"\bcar park\b|\bnumber plate\b|\blicense plate\b", re.I), 'say "parking lot" or "plate"'),
]


def test_style_word_choices_hold(built_pages):
    """One name for the ex, one word for each idea, one spelling, on every built page."""
    for src, soup in built_pages.items():
        text = " ".join(article(soup).get_text().split())
        for pattern, advice in STYLE_RULES:
            found = pattern.search(text)
            assert not found, f"docs/{src}: {found.group(0)!r}: {advice} (CONTRIBUTING.md, Word choices)"


@pytest.mark.parametrize("bad", ["Keep it where the other person cannot find it.", "When an abuser calls.",
                                 "The color of the car.", "Meet at the exchange center.", "Safe word or signal"])
def test_style_rules_catch_the_old_words(bad):
    assert any(pattern.search(bad) for pattern, _ in STYLE_RULES), bad


def test_style_rules_allow_the_house_words():
    ok = "Your ex may call. Tell their ex nothing. The car's colour and plate. A code word. The parking lot."
    assert not any(pattern.search(ok) for pattern, _ in STYLE_RULES)


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
        if heading_text(h) != heading:
            continue
        # A page title names the page's opening, before its first subheading: a row
        # with the title as heading must not find its phrase anywhere on the page.
        level = int(h.name[1])
        parts = []
        for sibling in h.find_next_siblings():
            if re.match(r"^h[1-6]$", sibling.name) and (level == 1 or int(sibling.name[1]) <= level):
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


def test_a_page_title_row_reads_only_the_pages_opening():
    """A row whose heading is the page title must find its phrase before the first subheading."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup('<article class="md-content__inner"><h1>Title</h1><p>opening words</p>'
                         '<h2>Later</h2><p>later words</p><h3>Deeper</h3><p>deep words</p>'
                         '<h2>Last</h2><p>last words</p></article>', "html.parser")
    assert _section_text(soup, "Title").split() == ["opening", "words"]
    assert "deep words" in _section_text(soup, "Later") and "last" not in _section_text(soup, "Later")
