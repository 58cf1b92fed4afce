"""spaCy components of conflictner; importing this module registers their factories."""

from .actors import ActorRecognizer, make_actors
from .attribute_ruler import IndexedAttributeRuler, make_attribute_ruler
from .claims import ClaimLinker, make_claims
from .events import EventExtractor, make_events
from .modality import ModalityCues, make_modality
from .parse_fixes import ParseFixes, make_parse_fixes
from .places import PlaceResolver, make_places
from .segment import LineBreakSegmenter, make_segmenter
from .times import TimeNormalizer, make_times

__all__ = [
    "ActorRecognizer", "ClaimLinker", "EventExtractor", "IndexedAttributeRuler", "LineBreakSegmenter",
    "ModalityCues", "ParseFixes", "PlaceResolver", "TimeNormalizer", "make_actors", "make_attribute_ruler", "make_claims", "make_events",
    "make_modality", "make_parse_fixes", "make_places", "make_segmenter", "make_times",
]
