"""One module per chapter; CHAPTERS lists them in print order.

Each chapter is `(id, title, write)` where `write(ctx, writer) -> str` returns the chapter's body
HTML after `writer.heading()`, numbering its sections through `writer.section(...)`.
"""

from prematch_kb.handbook.chapters import (
    checker,
    guides,
    introduction,
    lists,
    profiles,
    rules,
    sources,
    specialties,
    templates,
    timeline,
)

CHAPTERS = (
    ("how-to-use", "How to use this handbook", introduction.write),
    ("checker", "Check a draft with the email checker", checker.write),
    ("rules", "The rules", rules.write),
    ("timeline", "The season, phase by phase", timeline.write),
    ("profiles", "Applicant profiles", profiles.write),
    ("specialties", "Specialties", specialties.write),
    ("templates", "Email templates", templates.write),
    ("mistakes", "Common mistakes", lists.write_mistakes),
    ("checklists", "Checklists", lists.write_checklists),
    ("guides", "Guides", guides.write),
    ("faq", "Frequently asked questions", lists.write_faq),
    ("glossary", "Glossary", lists.write_glossary),
    ("sources", "Sources", sources.write),
)
