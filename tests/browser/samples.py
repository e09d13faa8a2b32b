"""Texts for the browser tests: drafts and received messages, and hostile input."""

from __future__ import annotations

import yaml

from checker_corpus import LOG_KEYS
from conftest import CORPUS_DIR

# (mode, text): written for these tests, meant to touch many categories and none.
OWN_SAMPLES: list[tuple[str, str]] = [
    ("draft", "Dear Dr. Alvarez,\n\nI will rank your program first, and I promise to match there.\n\nSincerely,\nAmina Rahman"),
    ("draft", "Dear Dr. [Last Name],\n\nThank you for the interview at [Program Name] on [Interview Date].\n\nBest regards,\n[Your Name]"),
    ("draft", "hey guys!! just checking in lol, any news on my application??"),
    ("draft", "Dear Dr. Chen,\n\nWhere am I on your rank list? Will you rank me to match?\n\nThank you,\nLuis Ortega"),
    ("draft", "Dear Dr. Patel,\n\nIf you rank me highly I will rank you first too.\n\nKind regards,\nSara Nwosu"),
    ("draft", "Dear Dr. Kim,\n\nI have an offer from another program and need your answer by Friday.\n\nBest,\nOmar Haddad"),
    ("draft", "Dear Program Coordinator,\n\nI am sorry for my weak scores and I apologize that my training abroad is not as good.\n\nRespectfully,\nPriya Iyer"),
    ("draft", "Dear Dr. Mensah,\n\nI am writing to share that my paper was accepted by a journal last week. I remain very interested in your program.\n\nSincerely,\nNadia Karimi, MD\nAAMC ID 12345678"),
    ("draft", "Dear Dr. Rossi,\n\nYour program is my first choice and I will rank it number one.\n\nWith gratitude,\nYusuf Demir"),
    ("draft", "Dear Dr. Silva,\n\nCould you offer me a position before the Match so I can withdraw?\n\nThank you,\nIrina Popescu"),
    ("draft", "Dear Dr. Brown,\n\nI just wanted to follow up again to see if there is any update on my status.\n\nBest regards,\nKwame Asante"),
    ("draft", "Dear Dr. Novak,\n\nPlease could you make an exception and look at my file before the others?\n\nThank you,\nLin Wei"),
    ("draft", "Thank you for the interview day. I enjoyed meeting the residents."),
    ("draft", "Dear Dr. Haddad,\n\nI have attached my CV, my photo and my passport for your review.\n\nSincerely,\nMaria Costa"),
    ("draft", "Dear Dr. Grant,\n\n" + "I am very interested in the clinical training your program offers. " * 60 + "\n\nSincerely,\nTomas Lind"),
    ("draft", "Dear Dr. Okafor, 😀 I will rank you first 🎉 and I commit to coming.\n\nBest,\nAna 🌍 Ruiz"),
    ("draft", ""),
    ("received", "Dear applicant,\n\nWhere will you rank our program? Please let us know before the deadline.\n\nDr. Reyes"),
    ("received", "Hello,\n\nWhich other programs did you interview at, and where are you ranking them?\n\nProgram Director"),
    ("received", "Dear Dr. Amin,\n\nWe would like you to commit to ranking us first; in return we will rank you to match.\n\nBest,\nDr. Lowe"),
    ("received", "Dear Dr. Singh,\n\nWe can offer you a contract now, outside the Match, if you sign this week.\n\nRegards,\nDr. Baker"),
    ("received", "Dear Dr. Fofana,\n\nThank you for interviewing with us. We enjoyed meeting you and wish you well in the Match.\n\nDr. Hale"),
    ("received", "Hi! Will you be ranking us #1? We'd love to know where we stand."),
    ("received", "Dear applicant, we rank candidates we hear back from first, so tell us if we are your top choice."),
    ("draft", "Dear Dr. Yang,\n\nI am a non-US IMG and would appreciate knowing whether you sponsor visas.\n\nSincerely,\n[Your Name]"),
]

# Each one sets window.__pmkbXss when it runs. None may.
XSS_PAYLOADS: list[str] = [
    "<script>window.__pmkbXss = true</script>",
    "<img src=x onerror=\"window.__pmkbXss=true\">",
    "<svg onload=\"window.__pmkbXss=true\"></svg>",
    "<iframe srcdoc=\"<script>parent.__pmkbXss=true</script>\"></iframe>",
    "<body onload=\"window.__pmkbXss=true\">",
    "<details open ontoggle=\"window.__pmkbXss=true\">",
    "<a href=\"javascript:window.__pmkbXss=true\">click</a>",
    "\"><script>window.__pmkbXss=true</script>",
    "'><img src=x onerror=window.__pmkbXss=true>",
    "</textarea><script>window.__pmkbXss=true</script>",
    "</mark><img src=x onerror=window.__pmkbXss=true>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pmkbXss=true>",
    "<video><source onerror=\"window.__pmkbXss=true\"></video>",
    "<input autofocus onfocus=\"window.__pmkbXss=true\">",
    "<object data=\"javascript:window.__pmkbXss=true\"></object>",
    "<embed src=\"javascript:window.__pmkbXss=true\">",
    "<style>@import 'javascript:window.__pmkbXss=true';</style>",
    "<marquee onstart=\"window.__pmkbXss=true\">x</marquee>",
    "<form><button formaction=\"javascript:window.__pmkbXss=true\">x</button></form>",
    "{{constructor.constructor('window.__pmkbXss=true')()}}",
    "${window.__pmkbXss=true}",
    "<template><img src=x onerror=window.__pmkbXss=true></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__pmkbXss=true>\">",
    "Dear Dr. [<img src=x onerror=window.__pmkbXss=true>],\n\nI will rank you first. <script>window.__pmkbXss=true</script>\n\n[Your Name]",
    "&lt;script&gt;window.__pmkbXss=true&lt;/script&gt; &#60;img src=x onerror=window.__pmkbXss=true&#62;",
]


def corpus_samples(limit: int = 25) -> list[tuple[str, str, dict]]:
    """(mode, text, context): an even, fixed sample of the labelled corpus plus our own texts."""
    entries: list[tuple[str, str, dict]] = []
    for path in sorted(CORPUS_DIR.glob("*.yml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            # The checker's own options only: a communication log is the log page's business.
            options = {k: v for k, v in (raw.get("context") or {}).items() if k not in LOG_KEYS}
            entries.append((raw.get("mode", "draft"), raw["text"], options))
    with_context = [e for e in entries if e[2]]
    plain = [e for e in entries if not e[2]]
    # Keep a few with context, so the context menus are exercised too.
    picked = with_context[:: max(1, len(with_context) // 5)][:5]
    rest = limit - len(picked)
    picked += plain[:: max(1, len(plain) // rest)][:rest] if plain else []
    return picked + [(mode, text, {}) for mode, text in OWN_SAMPLES]
