"""The learnt layer: what it adds to the rules, what it must never do, and that it is current."""

from __future__ import annotations

import math

import pytest

from checker_corpus import CORPUS_DIR, load_corpus_file
from prematch_kb import training
from prematch_kb.checker import check, learned
from prematch_kb.checker.engine import learned_candidates
from prematch_kb.checker.meaning import find
from prematch_kb.checker.meaning.lexicon import load_lexicon
from prematch_kb.checker.meaning.sentence import read
from prematch_kb.checker.text import build_document

# The rules have no form for this wording; the shipped layer reads it as a rank question.
# A program's message in words no rule of its category is written in.
MISSED_BY_THE_RULES = "Did you also end up interviewing at the university hospital across town?"


def small_layer(threshold: float = 1.0) -> learned.Layer:
    """One model that knows one made-up word, to test the layer's mechanics apart from its training."""
    model = {"category": "rank-inquiry", "mode": "draft", "bias": -1.0, "threshold": threshold,
             "weights": {"w:zorblax": 3.0, "b:the zorblax": 1.0, "w:rank": 0.5}}
    return learned.layer_from({"models": [model], "digest": "small"})


def judged(text: str, layer: learned.Layer, ruled: frozenset[str] = frozenset()) -> list:
    return learned.candidates(build_document(text), "draft", ruled, layer)


def test_a_sentence_at_or_above_the_threshold_is_found_with_the_words_that_carried_it():
    [candidate] = judged("Could you tell me about the zorblax before I rank programs?", small_layer())
    assert candidate.kept and candidate.category == "rank-inquiry"
    assert candidate.score == pytest.approx(-1.0 + 3.0 + 1.0 + 0.5)
    assert candidate.words == "the zorblax before I rank"  # from the first to the last heavy feature


def test_below_the_threshold_nothing_is_found():
    assert judged("Could you tell me about the zorblax?", small_layer(threshold=10.0)) == []


@pytest.mark.parametrize(("text", "reason"), [
    ("I would never ask about the zorblax.", "negated by 'never'"),
    ('She wrote: "tell me about the zorblax" to every program.', "inside quotation marks"),
    ("My classmate asked the program about the zorblax.", "about someone else"),
    ("My advisor told me that the program mentioned the zorblax.", "reported"),
])
def test_the_scope_rules_drop_what_is_not_the_authors_own_act(text, reason):
    [candidate] = judged(text, small_layer())
    assert not candidate.kept
    assert candidate.reason.startswith(reason)


def test_a_negation_in_another_clause_does_not_drop_the_words_that_carried_the_score():
    [candidate] = judged("I don't mean to pry, but could you tell me about the zorblax?", small_layer())
    assert candidate.kept
    [candidate] = judged("Tell me about the zorblax, but do not tell anyone else.", small_layer())
    assert candidate.kept  # the negation comes after the words that carried the score
    [candidate] = judged("Please don't tell me about the zorblax.", small_layer())
    assert not candidate.kept and candidate.reason == "negated by 'do'"


def test_a_category_the_rules_found_is_not_added_again():
    [candidate] = judged("Tell me about the zorblax.", small_layer(), ruled=frozenset({"rank-inquiry"}))
    assert not candidate.kept and "the rules found" in candidate.reason


def test_the_shipped_layer_adds_what_the_rules_miss():
    doc = build_document(MISSED_BY_THE_RULES)
    assert not find(doc, "received")  # the rules alone find nothing
    report = check(MISSED_BY_THE_RULES, mode="received")
    assert [f.category for f in report.findings] == ["program-other-programs-inquiry"]
    assert "interviewing" in report.findings[0].excerpt


def test_the_shipped_layer_stays_quiet_when_the_program_says_it_would_never_ask():
    negated = "We would never ask whether you also ended up interviewing at the university hospital across town."
    assert check(negated, mode="received").findings == []


def test_the_layer_never_hides_a_rule_finding():
    """A layer finding of a stronger category in the sentence of a rule's weaker finding would
    drop the rule's finding in the report; the layer's is dropped instead."""
    text = "Applicants who plan to rank us first are asked to reply to this message by Monday."
    doc = build_document(text)
    hits = find(doc, "received")
    for candidate in learned_candidates(doc, "received", hits):
        assert not candidate.kept or candidate.category not in ("program-commitment-request",)
    assert "program-rank-inquiry" in {f.category for f in check(text, mode="received").findings}


def test_scores_are_sums_in_a_fixed_order_so_they_match_in_every_python():
    layer = learned.layer()
    assert layer.models, "the shipped layer has models"
    for model in layer.models:
        assert math.isfinite(model.threshold) and math.isfinite(model.bias)


def test_the_shipped_weights_were_trained_on_the_current_corpus_and_rules():
    """`prematch-kb train-checker` writes learned.json with a digest of what it learnt from: every
    labelled sentence's features and labels, the rules' examples and the first findings."""
    assert training.is_current(), "learned.json is stale: run `prematch-kb train-checker`"


def test_a_threshold_never_flags_a_text_known_not_to_be_of_its_category():
    texts = [t for t in training.load_texts() if t.source == training.RULE_EXAMPLES and not t.expect]
    layer = learned.layer()
    wrong = []
    for text in texts:
        for candidate in learned.candidates(build_document(text.text), text.mode, frozenset(), layer):
            if candidate.kept and candidate.category in (text.judged or ()):
                wrong.append((text.id, candidate.category))
    assert not wrong


def test_a_score_equal_to_its_threshold_reaches_it_whatever_the_float_rounding():
    """0.7 + 0.1 is 0.7999999999999999 in floats; the layer adds whole ten-thousandths exactly."""
    model = {"category": "rank-inquiry", "mode": "draft", "bias": 0.7, "threshold": 0.8,
             "weights": {"w:zorblax": 0.1}}
    [candidate] = judged("Tell me about the zorblax.", learned.layer_from({"models": [model], "digest": "tie"}))
    assert candidate.score == 0.8


def test_weights_finer_than_ten_thousandths_are_scored_too():
    model = {"category": "rank-inquiry", "mode": "draft", "bias": -1.0, "threshold": 1.0,
             "weights": {"w:zorblax": 1 / 3, "b:the zorblax": 2.0}}
    fine = learned.layer_from({"models": [model], "digest": "fine"})
    [candidate] = judged("Tell me about the zorblax.", fine)
    assert candidate.score == round(-1.0 + 1 / 3 + 2.0, 3)
    assert judged("Tell me about a zorblax.", fine) == []  # -1 + 1/3: below


def test_the_shipped_layer_reaches_a_threshold_exactly_where_its_float_score_does():
    """The packed integer totals decide as the float scores do (no sentence of these texts
    scores exactly a threshold), also where a model reaches it."""
    layer = learned.layer()
    lexicon = load_lexicon()
    reached = 0
    for entry in load_corpus_file(CORPUS_DIR / "tuning_h.yml"):
        positions = layer.by_mode[entry.mode][0]
        for sentence in build_document(entry.text).sentences:
            reading = read(sentence.text, lexicon, entry.mode)
            totals = learned.scores(learned.feature_names(reading), layer, entry.mode)
            expected = tuple((p, t) for p, t in zip(positions, totals, strict=True) if t >= layer.models[p].threshold)
            assert learned.reached(reading, layer, entry.mode) == expected, sentence.text
            reached += bool(expected)
    assert reached, "some sentences reach a threshold"


def vetoing_layer(veto: float) -> learned.Layer:
    """The small model with a veto: a text must have a sentence scoring above it to keep a rules'
    finding of the category."""
    model = {"category": "rank-inquiry", "mode": "draft", "bias": -1.0, "threshold": 10.0, "veto": veto,
             "weights": {"w:zorblax": 3.0, "b:the zorblax": 1.0, "w:rank": 0.5}}
    return learned.layer_from({"models": [model], "digest": f"veto {veto}"})


def test_a_veto_weighs_the_best_sentence_of_the_whole_text():
    text = "Where am I on your list? I also wondered about the zorblax."
    [veto] = learned.vetoes(build_document(text), "draft", {"rank-inquiry"}, vetoing_layer(2.0))
    assert veto.best == pytest.approx(-1.0 + 3.0 + 1.0)  # the second sentence, not the one the rules found
    assert veto.kept
    [veto] = learned.vetoes(build_document(text), "draft", {"rank-inquiry"}, vetoing_layer(3.0))
    assert not veto.kept  # a score equal to the veto does not lift it


def test_a_veto_is_weighed_only_for_categories_the_rules_found():
    text = "Tell me about the zorblax."
    assert learned.vetoes(build_document(text), "draft", {"pressure"}, vetoing_layer(5.0)) == []
    assert learned.vetoes(build_document(text), "draft", set(), vetoing_layer(5.0)) == []


def test_a_model_without_a_veto_never_takes_a_finding_back():
    assert learned.vetoes(build_document("Where am I on your list?"), "draft", {"rank-inquiry"}, small_layer()) == []


def test_the_shipped_vetoes_keep_every_rules_finding_on_texts_known_to_be_of_the_category():
    layer = learned.layer()
    with_vetoes = {m.category for m in layer.models if m.veto is not None}
    assert with_vetoes, "the shipped layer has no veto"
    for text in training.load_texts():
        wanted = with_vetoes & text.expect
        if wanted:
            vetoes = learned.vetoes(build_document(text.text), text.mode, wanted, layer)
            assert all(veto.kept for veto in vetoes), (text.id, vetoes)


# The rules read "take ... it right away" as accepting a position; nothing in the sentence reads
# like a commitment to the shipped model.
TAKEN_FOR_A_PLEDGE = "If anything is missing from my file, I will take care of it right away."


def test_a_vetoed_category_is_dropped_from_the_report():
    doc = build_document(TAKEN_FOR_A_PLEDGE)
    assert "binding-commitment" in {hit.category for hit in find(doc, "draft")}
    [veto] = learned.vetoes(doc, "draft", {"binding-commitment"})
    assert not veto.kept and veto.best <= veto.veto
    assert check(TAKEN_FOR_A_PLEDGE).findings == []
