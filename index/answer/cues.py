"""Generic cues in a sentence: a statement hedged ("could", "by 2030"), a figure revised."""

from __future__ import annotations

import re

HEDGES = re.compile(
    r"\b(could|would|might|may|if|unless|aims? to|target(?:s|ed)?|plans? to|expected to"
    r"|by (?:19|20)\d\d)\b", re.I)
REVISIONS = re.compile(
    r"\b(revis\w*|correct(?:ed|ion)|updated? (?:figure|count|toll|total|estimate)"
    r"|(?:up|down) from|(?:has|have|had) (?:risen|fallen|climbed|grown|dropped) to"
    r"|(?:raised|cut|lowered|increased|reduced) (?:its|the|their) \w+ (?:to|from)"
    r"|(?:more|fewer|higher|lower) than (?:first|initially|previously|earlier)"
    r" (?:reported|said|thought|estimated)"
    r"|new (?:figure|estimate|total|count|date)|(?:has|have) now \w+"
    r"|now (?:stands|puts|says|estimates|expects|totals)"
    r"|brings? (?:the|its) \w+ to|taking (?:the|its) \w+ to|a second|a third)\b", re.I)

# Lemmas of verbs that say no ("refused", "failed"), and of words that deny what they govern
# beside them ("the crown's refusal to allow non-Catholics to settle", "unable to").
DENYING = frozenset("deny refuse decline fail reject".split())
DENIALS = DENYING | frozenset("refusal failure lack unable forbid prohibit prevent".split())
