"""Coded errors and warnings, so users can search for a code and tests can match on it."""

from __future__ import annotations


class Errors:
    E001 = "[E001] `{arg}` must be a string, not {type}."
    E002 = "[E002] `published` could not be read as a date: {value!r}. Use ISO 8601 (2023-10-19)."
    E003 = "[E003] Rule file {path}, line {line}: {error}"
    E004 = "[E004] Base pipeline {base!r} could not be loaded: {error}"
    E005 = "[E005] Base pipeline {base!r} lacks a {what}; conflictner needs a parser and an NER."
    E006 = "[E006] Item {index} of extract_many() must be a str, dict or Document, not {type}."
    E007 = "[E007] Item {index} of extract_many() has unknown keys {keys}; allowed: {allowed}."
    E008 = "[E008] Rule data folder not found: {path}."


class Warnings:
    W002 = "[W002] Text of {length} characters exceeds nlp.max_length; processed in {n} pieces."
