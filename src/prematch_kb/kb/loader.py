"""Load and validate a content folder into a KnowledgeBase, reporting every problem at once.

    kb = load_knowledge_base(Path("content"))          # raises ContentError
    kb, settings = load_content(Path("content"))        # also site.yml, cross-checked
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from prematch_kb.kb import model as m
from prematch_kb.kb import readers
from prematch_kb.kb.errors import Problems
from prematch_kb.kb.fields import FieldReader, LoadContext, did_you_mean
from prematch_kb.kb.files import display_path, read_mapping, read_text
from prematch_kb.kb.links import ID_PATTERN
from prematch_kb.kb.site import SiteSettings, read_site_settings
from prematch_kb.kb.yamlsource import LocatedDict, parse_yaml, split_front_matter

# Folders holding one item per file: folder, kind, reader, the field that must equal the file name.
PER_FILE_KINDS: tuple[tuple[str, str, Callable, str], ...] = (
    ("rules", "rule", readers.read_rule, "id"),
    ("checks", "check", readers.read_check, "category"),
    ("profiles", "profile", readers.read_profile, "id"),
    ("specialties", "specialty", readers.read_specialty, "id"),
    ("templates", "template", readers.read_template, "id"),
)

# Files holding a list of small entries: file, kind (for references), entry reader.
COLLECTIONS: tuple[tuple[str, str, Callable], ...] = (
    ("mistakes", "mistake", readers.read_mistake),
    ("checklists", "checklist", readers.read_checklist),
    ("faq", "faq", readers.read_faq),
    ("glossary", "glossary", readers.read_glossary_term),
)


class _Loader:
    def __init__(self, content_dir: Path):
        self.root = Path(content_dir)
        self.ctx = LoadContext(Problems())

    @property
    def problems(self) -> Problems:
        return self.ctx.problems

    def shown(self, relative: str) -> str:
        return display_path(self.root, relative)

    def reader(self, relative: str, mapping: LocatedDict) -> FieldReader:
        return FieldReader(self.ctx, self.shown(relative), mapping, path_in_content=relative)

    def unreadable_file(self, kind: str, shown: str, id_: str = "") -> None:
        """A file of `kind` that could not be read: its problem (the latest for it) is already
        reported; references to the ids it holds wait until it is fixed."""
        line = next((p.line for p in reversed(self.problems.items) if p.path == shown), 0)
        self.ctx.could_not_read(kind, shown, line, "this file could not be read", id_)

    # -- files ---------------------------------------------------------------------------------
    def top_list(self, relative: str, key: str, read: Callable, kind: str) -> tuple[list, FieldReader | None]:
        """A file whose top level holds `key: [entries]` (plus other fields read by the caller)."""
        mapping = read_mapping(self.root / relative, self.shown(relative), self.problems)
        if mapping is None:
            self.unreadable_file(kind, self.shown(relative))
            return [], None
        r = self.reader(relative, mapping)
        entries = r.objects(key, self._defining(kind, read), required=True)
        r.note_unread_entries(key, kind)
        return entries, r

    def _defining(self, kind: str, read: Callable) -> Callable:
        """Wrap an entry reader so each entry's id is registered (and duplicates reported)."""
        def wrapped(r: FieldReader):
            item = read(r)
            entry = r.prefix.rstrip(".")
            if item is None or not getattr(item, "id", ""):
                self.ctx.could_not_read(kind, r.path, r.line("id"), f"the id of {entry} could not be read")
                return None
            if not ID_PATTERN.match(item.id):  # reported already; references may use the intended id
                self.ctx.could_not_read(kind, r.path, r.line("id"), f"the id of {entry} is not a valid id")
            if not self.ctx.define(kind, item.id, r.path, r.line("id"), r.name("id")):
                return None
            return item
        return wrapped

    def per_file(self, folder: str, kind: str, read: Callable, id_field: str) -> dict:
        directory = self.root / folder
        if not directory.is_dir():
            self.problems.add(self.shown(folder), 0, "",
                              f"missing folder; expected {folder}/ with one .yml file per {kind}")
            self.ctx.could_not_read(kind, self.shown(folder), 0, f"the folder {folder}/ is missing")
            return {}
        items: dict = {}
        for path in sorted(directory.iterdir()):
            if path.suffix == ".yaml":
                self.problems.add(self.shown(f"{folder}/{path.name}"), 0, "", "expected a file name ending in .yml")
                self.ctx.could_not_read(kind, self.shown(f"{folder}/{path.name}"), 0,
                                        "this file's name does not end in .yml", path.stem)
                continue
            if path.suffix != ".yml":
                continue
            relative = f"{folder}/{path.name}"
            mapping = read_mapping(path, self.shown(relative), self.problems)
            if mapping is None:
                self.unreadable_file(kind, self.shown(relative), path.stem)
                continue
            r = self.reader(relative, mapping)
            item = read(r)
            r.finish()
            item_id = getattr(item, id_field)
            if not item_id:
                self.ctx.could_not_read(kind, r.path, r.line(id_field), f"its {id_field} could not be read", path.stem)
                continue
            if item_id != path.stem:
                r.problem(id_field, f"expected '{path.stem}' (the file name without .yml); got {item_id!r}. "
                          "Rename the file or fix the id")
                self.ctx.could_not_read(kind, r.path, r.line(id_field),
                                        f"its {id_field} does not match the file name", path.stem)
            if self.ctx.define(kind, item_id, r.path, r.line(id_field), id_field):
                items[item_id] = item
        return items

    def guides(self) -> dict[str, m.Guide]:
        directory = self.root / "guides"
        if not directory.is_dir():
            self.problems.add(self.shown("guides"), 0, "",
                              "missing folder; expected guides/ with one .md file per guide")
            self.ctx.could_not_read("guide", self.shown("guides"), 0, "the folder guides/ is missing")
            return {}
        guides: dict[str, m.Guide] = {}
        for path in sorted(directory.glob("*.md")):
            relative = f"guides/{path.name}"
            shown = self.shown(relative)
            text = read_text(path, shown, self.problems)
            if text is None:
                self.unreadable_file("guide", shown, path.stem)
                continue
            front, body, body_line = split_front_matter(text)
            if front is None:
                self.problems.add(shown, 1, "", "expected YAML front matter between two '---' lines at the top")
                self.unreadable_file("guide", shown, path.stem)
                continue
            before = len(self.problems.items)
            mapping = parse_yaml(front, shown, self.problems, line_offset=1)
            if not isinstance(mapping, LocatedDict):
                if len(self.problems.items) == before:
                    self.problems.add(shown, 2, "", "expected a mapping of fields in the front matter")
                self.unreadable_file("guide", shown, path.stem)
                continue
            r = self.reader(relative, mapping)
            guide = readers.read_guide(r, body, body_line)
            r.finish()
            if not guide.id:
                self.ctx.could_not_read("guide", shown, r.line("id"), "its id could not be read", path.stem)
                continue
            if guide.id != path.stem:
                r.problem("id", f"expected '{path.stem}' (the file name without .md); got {guide.id!r}. "
                          "Rename the file or fix the id")
                self.ctx.could_not_read("guide", shown, r.line("id"), "its id does not match the file name", path.stem)
            if self.ctx.define("guide", guide.id, shown, r.line("id")):
                guides[guide.id] = guide
        return guides

    def phases(self) -> dict[str, m.Phase]:
        phases, r = self.top_list("timeline/phases.yml", "phases", readers.read_phase, "phase")
        if r is None:
            return {}
        r.finish()
        if any(p.path == r.path and p.field.endswith(".order") for p in self.problems.items):
            return {p.id: p for p in phases}  # an order that is not a number is reported already
        if not self.ctx.fully_read("phase"):
            return {p.id: p for p in phases}  # the count of phases is unknown until every entry reads
        # Every entry is a mapping with a whole-number order (checked above); count them all,
        # duplicates included, so a repeated id does not also show up as a gap.
        entries = r.mapping["phases"]
        count = len(entries)
        orders = [entry["order"] for entry in entries]
        wrong = next((i for i, order in enumerate(orders) if not 1 <= order <= count or orders.count(order) > 1), None)
        if wrong is not None:
            got = ", ".join(str(order) for order in orders)
            self.problems.add(r.path, entries[wrong].value_lines["order"], f"phases[{wrong}].order",
                              f"expected phase orders 1 to {count} without gaps or repeats; got {got}")
        ordered = sorted(phases, key=lambda p: p.order)
        if wrong is None:
            self.check_early_phases(r, ordered)
        return {p.id: p for p in ordered}

    def check_early_phases(self, r: FieldReader, ordered: list[m.Phase]) -> None:
        """At least one phase is early (the checker's visa-status check runs only in early phases),
        and the early phases open the season: none comes after a phase that is not early."""
        if not any(p.early for p in ordered):
            self.problems.add(r.path, r.line("phases"), "phases",
                              "no phase is marked 'early: true'; expected the first phases of the season "
                              "(before interviews) to be marked, or the checker's visa-status check never runs")
            return
        late = next((p for p in ordered if not p.early), None)
        misplaced = next((p for p in ordered if late and p.early and p.order > late.order), None)
        if late is None or misplaced is None:
            return
        entries = r.mapping["phases"]
        i = next(i for i, entry in enumerate(entries) if entry.get("id") == misplaced.id)
        self.problems.add(r.path, entries[i].value_lines.get("early", entries[i].line), f"phases[{i}].early",
                          f"expected the early phases to come first in the season; '{misplaced.id}' comes after "
                          f"'{late.id}', which is not early")

    def cycle(self, phases: dict[str, m.Phase]) -> m.Cycle | None:
        relative = "timeline/cycle.yml"
        mapping = read_mapping(self.root / relative, self.shown(relative), self.problems)
        if mapping is None:
            return None
        r = self.reader(relative, mapping)
        cycle = readers.read_cycle(r)
        r.finish()
        stages = mapping.get("stages")
        every_stage_read = isinstance(stages, list) and all(isinstance(s, LocatedDict) for s in stages)
        if cycle.stages and every_stage_read:
            staged = {phase for stage in cycle.stages for phase in stage.phases}
            for phase_id in phases:
                if phase_id not in staged:
                    r.problem("stages", f"phase '{phase_id}' is in no stage; expected every phase of "
                              "timeline/phases.yml in at least one stage, or the site never shows it as current")
        return cycle

    def collection(self, name: str, kind: str, read: Callable) -> tuple[list, m.Collection | None]:
        entries, r = self.top_list(f"{name}.yml", "entries", read, kind)
        if r is None:
            return [], None
        collection = readers.read_collection(r)
        r.finish()
        return entries, collection

    # -- cross-references ----------------------------------------------------------------------
    def check_outranks(self, checks: dict[str, m.Check]) -> None:
        """A category outranks only categories of its own mode, and never, through others, itself:
        the checker drops the weaker finding, which must be one it could have made beside it."""
        for check in checks.values():
            for outrank in check.outranks:
                weaker = checks.get(outrank.category)
                where = (self.shown(check.origin.path), outrank.line, "outranks")
                if weaker is not None and weaker.mode != check.mode:
                    self.problems.add(*where, f"expected a category of mode {check.mode!r}; got "
                                      f"{outrank.category!r}, of mode {weaker.mode!r}")
                elif check.category in _outranked_by(outrank.category, checks):
                    self.problems.add(*where, f"{check.category!r} and {outrank.category!r} would each "
                                      "be dropped for the other: outranking must not go round in a circle")

    def check_references(self) -> None:
        for ref in self.ctx.references:
            known = self.ctx.defined.get(ref.kind, {})
            if ref.id not in known and not self.ctx.explained_by_unread(ref.kind, ref.id):
                self.problems.add(ref.path, ref.line, ref.field,
                                  f"expected an existing {ref.kind} id; got {ref.id!r}"
                                  + did_you_mean(ref.id, tuple(known)))

    # -- everything ----------------------------------------------------------------------------
    def load(self) -> m.KnowledgeBase | None:
        sources, sources_reader = self.top_list("sources.yml", "sources", readers.read_source, "source")
        if sources_reader is not None:
            sources_reader.finish()
        self.ctx.sources = {s.id: s for s in sources}
        per_file = {folder: self.per_file(folder, kind, read, id_field)
                    for folder, kind, read, id_field in PER_FILE_KINDS}
        guides = self.guides()
        phases = self.phases()
        cycle = self.cycle(phases)
        collections: dict[str, m.Collection] = {}
        entries: dict[str, list] = {}
        for name, kind, read in COLLECTIONS:
            entries[name], collection = self.collection(name, kind, read)
            if collection is not None:
                collections[name] = collection
        self.check_outranks(per_file["checks"])
        self.check_references()
        self.ctx.report_unchecked()
        if self.problems or cycle is None:
            return None
        return m.KnowledgeBase(
            root=str(self.root),
            sources=self.ctx.sources,
            rules=per_file["rules"],
            checks=per_file["checks"],
            cycle=cycle,
            phases=phases,
            profiles=per_file["profiles"],
            specialties=per_file["specialties"],
            templates=per_file["templates"],
            guides=guides,
            mistakes=tuple(entries["mistakes"]),
            checklists=tuple(entries["checklists"]),
            faq=tuple(entries["faq"]),
            glossary=tuple(entries["glossary"]),
            collections=collections,
        )


def _outranked_by(category: str, checks: dict[str, m.Check]) -> set[str]:
    """Every category `category` outranks, directly or through others."""
    seen: set[str] = set()
    todo = [category]
    while todo:
        check = checks.get(todo.pop())
        for outrank in check.outranks if check else ():
            if outrank.category not in seen:
                seen.add(outrank.category)
                todo.append(outrank.category)
    return seen


def load_knowledge_base(content_dir: Path) -> m.KnowledgeBase:
    """Load and validate every content file; raise ContentError listing every problem found."""
    loader = _Loader(Path(content_dir))
    kb = loader.load()
    loader.problems.raise_if_any()
    assert kb is not None
    return kb


def load_content(content_dir: Path) -> tuple[m.KnowledgeBase, SiteSettings]:
    """Load the knowledge base and site.yml together, checking that they agree on the cycle."""
    loader = _Loader(Path(content_dir))
    kb = loader.load()
    settings = read_site_settings(loader.ctx, loader.root)
    if kb is not None and settings is not None and settings.cycle and settings.cycle != kb.cycle.id:
        loader.problems.add(loader.shown("site.yml"), 0, "cycle",
                            f"expected the id of timeline/cycle.yml ({kb.cycle.id!r}); got {settings.cycle!r}")
    loader.problems.raise_if_any()
    assert kb is not None and settings is not None
    return kb, settings
