"""The meaning layer: vocabulary and rules as data, each rule with its own examples, scope rules,
typo tolerance, and explanations of every candidate."""

from __future__ import annotations

import json

import pytest

from prematch_kb.checker import check, engine
from prematch_kb.checker.meaning import explain
from prematch_kb.checker.meaning.lexicon import VOCABULARY, load_lexicon
from prematch_kb.checker.meaning.pattern import PatternError, compile_pattern
from prematch_kb.checker.meaning.rules import RULES_DIR, SHARED_EXCEPTIONS, RuleError, load_rules, rules
from prematch_kb.checker.text import build_document

RULE_FILES = sorted(RULES_DIR.glob("*.json"))


def _categories(text: str, mode: str = "draft") -> set[str]:
    return {f.category for f in check(text, mode=mode).findings}


def _examples():
    for path in RULE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for rule in data["rules"]:
            for kind in ("flag", "pass"):
                for text in rule["examples"][kind]:
                    yield pytest.param(data["category"], data["mode"], kind, text, id=f"{rule['id']}:{kind}:{text[:30]}")


def test_every_rule_file_is_one_category_with_examples_for_every_rule():
    assert RULE_FILES
    seen = set()
    for path in RULE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == data["category"], f"{path.name}: one file per category, named after it"
        assert data["mode"] in ("draft", "received"), path.name
        for rule in data["rules"]:
            assert (data["category"], rule["id"]) not in seen, f"{path.name}: duplicate rule id {rule['id']}"
            seen.add((data["category"], rule["id"]))
            assert rule["examples"]["flag"] and rule["examples"]["pass"], f"{path.name}: {rule['id']} needs examples"
    assert len(rules()) == len(seen)


def _ruled_categories(text: str, mode: str) -> set[str]:
    """What the rules alone report (stronger findings superseding weaker ones), without the learnt
    layer: a rule's examples hold the rules to them even while the layer waits to be trained again."""
    doc = build_document(text)
    return {hit.category for hit in engine._drop_redundant(engine._meaning_hits(doc, mode), doc)}


@pytest.mark.parametrize(("category", "mode", "kind", "text"), list(_examples()))
def test_rule_examples(category, mode, kind, text):
    found = _ruled_categories(text, mode)
    if kind == "flag":
        assert category in found, f"{text!r} should be reported as {category}; found {sorted(found)}"
    else:
        assert category not in found, f"{text!r} should not be reported as {category}"


@pytest.mark.parametrize(("category", "mode", "kind", "text"), [p for p in _examples() if p.values[2] == "pass"])
def test_the_whole_checker_passes_every_rule_text_to_pass(category, mode, kind, text):
    # The learnt layer learns a rule's texts to pass as known negatives (training raises its
    # thresholds above them), so once trained again it must not report them either.
    assert category not in _categories(text, mode), f"{text!r} should not be reported as {category}"


def test_a_rule_naming_an_unknown_concept_is_refused_with_its_file_and_id(tmp_path):
    (tmp_path / "rank-inquiry.json").write_text(json.dumps({
        "category": "rank-inquiry", "mode": "draft",
        "rules": [{"id": "broken", "all": [["APPLICANT ..3 NOT_A_CONCEPT"]], "examples": {"flag": [], "pass": []}}],
    }))
    with pytest.raises(RuleError, match=r"rank-inquiry.json: rule broken: unknown concept\(s\) NOT_A_CONCEPT"):
        load_rules(tmp_path)


def test_a_rule_naming_an_unknown_shared_exception_is_refused_with_its_file_and_id(tmp_path):
    (tmp_path / "rank-inquiry.json").write_text(json.dumps({
        "category": "rank-inquiry", "mode": "draft",
        "rules": [{"id": "broken", "all": [["APPLICANT ..3 RANK_VERB"]], "unless_others": ["@no-such-exception"],
                   "examples": {"flag": [], "pass": []}}],
    }))
    with pytest.raises(RuleError, match=r"rank-inquiry.json: rule broken: unless_others names @no-such-exception"):
        load_rules(tmp_path)


def test_a_shared_exception_stands_for_its_patterns(tmp_path):
    shared = tmp_path / "exceptions.json"
    shared.write_text(json.dumps({"about": "test", "exceptions": {
        "my-advisor": {"about": "the writer's advisor", "patterns": ["'my' 'advisor'"]},
    }}))
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    rule = {"id": "r", "all": [["APPLICANT ..3 RANK_VERB"]], "examples": {"flag": [], "pass": []}}
    (rules_dir / "rank-inquiry.json").write_text(json.dumps({
        "category": "rank-inquiry", "mode": "draft",
        "rules": [{**rule, "unless": ["@my-advisor"]}, {**rule, "id": "s", "unless": ["'my' 'advisor'"]}],
    }))
    named, written_out = load_rules(rules_dir, shared)
    assert named.unless == written_out.unless == (compile_pattern("'my' 'advisor'"),)


def test_every_shared_exception_is_named_by_a_rule_and_says_what_it_recognises():
    data = json.loads(SHARED_EXCEPTIONS.read_text(encoding="utf-8"))
    named = {
        item[1:] for path in RULES_DIR.glob("*.json") for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]
        for key in ("unless", "unless_others", "unless_in_clause", "unless_in_text", "also")
        for item in rule.get(key, ()) if item.startswith("@")
    }
    assert set(data["exceptions"]) == named, "a shared exception no rule names, or a name no exception defines"
    assert all(entry["about"] and entry["patterns"] for entry in data["exceptions"].values())


@pytest.mark.parametrize("source", ["", "..3", "A ..x B", "A|"])
def test_malformed_patterns_are_refused(source):
    with pytest.raises(PatternError):
        compile_pattern(source)


def test_speed_filters_are_derived_from_the_patterns():
    by_id = {(r.category, r.id): r for r in rules()}
    # every pattern of its only group starts from the applicant: the rule is skipped without one
    assert "APPLICANT" in by_id[("binding-commitment", "pledge-to-accept")].needs
    assert all(r.needs <= {c for g in r.groups for p in g for e in p for c in e.alternatives} for r in rules())


def test_the_compiled_rule_test_never_skips_a_rule_that_matches():
    """Rules are tried only where their compiled test says they could match (a speed filter): on
    every rule example, read sentence by sentence and in pairs, each rule whose every group has a
    matching pattern must be among those the test names."""
    from prematch_kb.checker.meaning.pattern import match
    from prematch_kb.checker.meaning.rules import _rules_of, mask_of
    from prematch_kb.checker.meaning.sentence import Reading

    lexicon = load_lexicon()
    tried = 0
    for path in RULE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = [t for rule in data["rules"] for kind in ("flag", "pass") for t in rule["examples"][kind]]
        for index in _rules_of(data["mode"]):
            bits = index.rules[0].bits if index.rules else {}
            for text in texts:
                reading = Reading(text, lexicon, data["mode"])
                named = set(index.viable(mask_of(reading, bits or {})))
                # the same rules when tested one by one (as among those a whole text could match)
                assert index.viable_among(mask_of(reading, bits or {}), list(range(len(index.rules)))) == sorted(named)
                for position, rule in enumerate(index.rules):
                    if all(any(match(p, reading) for p in group) for group in rule.groups):
                        tried += 1
                        assert position in named, (rule.id, text)
    assert tried > 500


def test_reading_finds_the_tokens_that_tokenize_finds():
    """A sentence is read from its tokens' texts found without their offsets (faster); they are the
    texts `tokenize` gives, and the offsets, asked for later, still fit them."""
    from prematch_kb.checker.meaning.lexicon import token_texts, tokenize
    from prematch_kb.checker.meaning.sentence import Reading

    texts = [t for path in RULE_FILES for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]
             for kind in ("flag", "pass") for t in rule["examples"][kind]]
    texts += [
        "I don't know, can't say; won't!", "You’re my #1 and # 2 (100 % sure) at 50%.", "`Quoted' ‘curly’ O'Brien",
        "İSTANBUL ıs \u212aelvin ſo", "under_score __ café NAÏVE Ⅻ", "", "?!", "n't 'twas don'T DON'T",
    ]
    lexicon = load_lexicon()
    for text in texts:
        tokens = tokenize(text)
        found, written = token_texts(text)
        assert found == [t.text for t in tokens], text
        assert written == [text[t.start : t.end].translate({0x2019: "'", 0x2018: "'", 0x60: "'"}) for t in tokens], text
        assert Reading(text, lexicon, "draft").tokens == tokens


@pytest.mark.parametrize(("mode", "text", "concept"), [
    ("draft", "Forty IM programs got the application this year.", "FIRST_SG"),
    ("received", "Do you have any US clinical experience?", "FIRST_PL"),
])
def test_abbreviations_in_capitals_are_not_read_as_words(mode, text, concept):
    from prematch_kb.checker.meaning.sentence import Reading

    assert concept not in Reading(text, load_lexicon(), mode).spans
    shouted = Reading(text.upper(), load_lexicon(), mode)  # all in capitals: shouting, read as words
    assert concept in shouted.spans


def test_vocabulary_is_well_formed():
    data = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    lexicon = load_lexicon()
    for concept, forms in data["concepts"].items():
        assert concept.isupper(), concept
        assert len(forms) == len(set(forms)), f"{concept} lists a form twice"
    for mode in ("draft", "received"):
        for role, concepts in data["roles"][mode].items():
            assert set(concepts) <= set(lexicon.concepts), role


@pytest.mark.parametrize(("typo", "word"), [
    ("comitment", "commitment"), ("contarct", "contract"), ("positon", "position"), ("programe", "program"),
    ("gaurantee", None), ("wanted", None), ("choices", None), ("programs", None), ("march", None),
    # real words one letter longer than a vocabulary word are themselves, not slips
    ("through", None), ("started", None), ("pleased", None), ("spending", None), ("later", None),
    ("writting", "writing"),  # but a letter typed twice is a slip towards any vocabulary word
])
def test_typo_tolerance_reads_slips_of_marked_words_only(typo, word):
    # None: the word is either itself in the vocabulary or must not be read as another word
    assert load_lexicon().correct(typo) == word


def test_typo_reading_skips_only_words_no_edit_reaches():
    """The quick tests that spare most unknown words the look-up of their variants (first letter,
    length, the halves a typo keeps) never skip a slip: every one-edit slip of a marked word is read as the
    brute-force search over all its variants reads it."""
    lexicon = load_lexicon()

    marked = sorted({w for words in lexicon.typo_index.values() for w in words})

    def deletions(word: str) -> set[str]:
        return {word[:i] + word[i + 1 :] for i in range(len(word))}

    def by_brute_force(word: str) -> str | None:
        """Every marked word one deletion from the word, the word one deletion from it, or both
        one deletion from a common word; or the word with a doubled letter undone."""
        if len(word) < lexicon.typo_min or word in lexicon.not_typos or word in lexicon.forms or not word.isalpha():
            return None
        if word[-1] == "s" and (word[:-1] in lexicon.single or word[:-2] in lexicon.single):
            return None
        own = deletions(word)
        found = {m for m in marked if word in deletions(m) or m in own or own & deletions(m)}
        found |= {word[:i] + word[i + 1 :] for i in range(1, len(word))
                  if word[i] == word[i - 1] and word[:i] + word[i + 1 :] in lexicon.single}
        found = {c for c in found if c[0] == word[0] and c != word}
        return min(found) if found else None

    slips = set()
    for word in marked:
        for i in range(1, len(word) + 1):
            slips.add(word[:i] + word[i:])
            slips.add(word[:i] + word[i + 1 :])  # a letter missing
            slips.add(word[:i] + word[i - 1 :])  # a letter typed twice
            slips.update(word[:i] + letter + word[i + 1 :] for letter in "aeiostz")  # a letter changed
            slips.update(word[:i] + letter + word[i:] for letter in "aeiostz")  # a letter too many
            slips.add(word[:i - 1] + word[i : i + 1] + word[i - 1 : i] + word[i + 1 :])  # two swapped
    assert len(slips) > 5_000
    for slip in sorted(slips):
        assert lexicon._correct(slip) == by_brute_force(slip), slip


@pytest.mark.parametrize(("mode", "text", "category"), [
    # wordings the phrase families missed, caught by meaning
    ("draft", "I am seriously considering ranking Westbrook first. If I do, would you be able to rank me "
              "high enough that I match with you?", "reciprocal-ranking"),
    ("draft", "your program is my #1 and I'll be ranking you first", "first-choice-claim"),
    ("received", "If you rank us first, we will rank you to match.", "program-commitment-request"),
    ("received", "applicants who tell us we're their first choice tend to do well here", "program-commitment-request"),
    ("draft", "Would the department consider offering me a contract before the rank list deadline", "outside-match-offer"),
    ("draft", "May I know how high is my position in your rank list?", "rank-inquiry"),
    ("draft", "You are my frist choice.", "first-choice-claim"),
    ("draft", "I promiss to rank you first.", "binding-commitment"),
    ("draft", "A commitment is hereby made to rank your program first.", "binding-commitment"),
    ("draft", "Kindly inform me whether I have been ranked to match", "rank-inquiry"),
    ("received", "You rank us where?", "program-rank-inquiry"),
    # a request the writer carries for someone else is the writer's own ask
    ("draft", "My dean has asked me to find out where I stand on your rank list.", "rank-inquiry"),
])
def test_new_wordings_of_known_meanings_are_caught(mode, text, category):
    assert category in _categories(text, mode)


@pytest.mark.parametrize(("mode", "text"), [
    ("received", "We will not ask where else you interview."),
    ("draft", "My advisor told me never to promise a program that I will rank it first."),
    ("draft", "\"I promise to rank you first\" is the kind of sentence the rules warn against."),
    ("draft", "My mother keeps wishing to know where I have been ranked, and I tell her nobody can say."),
    ("received", "Pre-match offers are not allowed under the All In Policy, so please rank us if you are interested."),
    ("draft", "I was offered a position outside the Match by another hospital, which I turned down."),
    ("draft", "As I prepare my rank order list, could you send me a copy of the resident contract?"),
])
def test_scope_rules_keep_negated_reported_quoted_and_policy_words_clean(mode, text):
    errors = [f.category for f in check(text, mode=mode).findings if f.severity == "error"]
    assert not errors, errors


def test_explain_gives_every_candidate_and_why_it_was_dropped():
    doc = build_document("I cannot promise that I will rank you first. I promise that I will rank you first.")
    candidates = [c for c in explain(doc, "draft") if c.rule.id == "pledge-to-rank"]
    assert [c.kept for c in candidates] == [False, True]
    assert candidates[0].reason == "negated by 'cannot'"
    assert candidates[1].words == "I promise that I will rank you first"


def test_a_hard_wrapped_paragraph_is_read_as_whole_sentences():
    text = ("I was glad to hear that my interview went well. Could you tell me where I\n"
            "currently stand on your list? I remain very interested in the program.\n")
    assert "rank-inquiry" in _categories(text)


@pytest.mark.parametrize(("text", "category"), [
    ("The coordinator told me on the phone that they would rank me highly if I promised to rank them first.",
     "program-commitment-request"),
    ('My friend at the program texted me: "if u promise to rank us 1st we\'ll rank u to match."',
     "program-commitment-request"),
    ("She asked me where I was planning to rank them.", "program-rank-inquiry"),
    ("Dr. Iverson called me last night. He said I could sign a contract with them in February and skip the Match.",
     "program-outside-match-offer"),
])
def test_a_programs_words_retold_by_the_applicant_are_the_programs_act(text, category):
    # The writer's "I" is the applicant and the program's "they" the program; its words in
    # quotation marks are its own, not a quotation of someone else's.
    assert category in {f.category for f in check(text, mode="received").findings}
    reasons = [c.reason for c in explain(build_document(text), "received") if c.rule.category == category and c.kept]
    assert reasons and all("retold" in reason for reason in reasons)


def test_a_coordinator_passing_on_the_programs_question_is_not_a_retelling():
    # "our program": the writer speaks for the program, so "me" is the coordinator
    text = "Dr. Hale asked me to check with each applicant whether they intend to rank our program."
    kept = [c for c in explain(build_document(text), "received") if c.kept]
    assert {c.rule.category for c in kept} == {"program-rank-inquiry"}
    assert all(c.reason == "kept" for c in kept)


@pytest.mark.parametrize("text", [
    "She said they would never ask me where else I interviewed.",
    "He told me that they could not offer me a contract outside the Match.",
    "The PD told me they will rank me highly.",
])
def test_a_retelling_of_nothing_forbidden_and_a_coordinators_own_voice_stay_clean(text):
    assert not {f.category for f in check(text, mode="received").findings if f.severity == "error"}
