"""Pure-Python classification model for customer-care posts.

No messaging or RPC dependencies: the classify service wraps :class:`Classifier`.
"""

from .classifier import Classifier
from .masking import mask
from .results import INTENTS, ClassificationResult, PiiSpan

__all__ = ["INTENTS", "ClassificationResult", "Classifier", "PiiSpan", "mask"]
