"""A simple detector of text in the wrong language: words of one language that the other
never uses. A page for a French reader must hold none of the English ones, and the other
way round.

Names, addresses and numbers are not words of either list; nor is a word both languages
share ("plan", "note", "article", "date", "minute"). Text inside an element whose `lang`
says it is in another language is that element's own (the language switch): it is
returned apart, so a test can check that only what it expects is marked so.
"""

import re
from html.parser import HTMLParser

# fmt: off
ENGLISH = frozenset({
    "the", "and", "your", "you", "with", "this", "that", "what", "when", "for", "from", "have",
    "has", "are", "was", "were", "not", "each", "day", "days", "week", "knee", "knees", "pain",
    "hold", "sets", "repetitions", "side", "leg", "legs", "exercise", "exercises", "read",
    "today", "done", "print", "download", "sign", "back", "into", "of", "to", "it", "is", "or",
    "do", "how", "my", "more", "about", "after", "before", "if", "no", "yes", "keep", "slowly",
    "lift", "lower", "lie", "stand", "feet", "foot", "floor", "hips", "hip", "thigh", "calf",
    "step", "steps", "record",
})
# fmt: on
# fmt: off
FRENCH = frozenset({
    "le", "la", "les", "des", "du", "de", "un", "une", "et", "ou", "votre", "vos", "avec",
    "pour", "dans", "sur", "est", "sont", "pas", "ne", "au", "aux", "ce", "cette", "ces",
    "genou", "genoux", "jambe", "jambes", "douleur", "exercice", "exercices", "jour", "jours",
    "semaine", "séance", "séances", "lire", "imprimer", "télécharger", "aujourd", "côté",
    "fois", "répétitions", "série", "séries", "tenez", "vous", "nous", "il", "elle", "qui",
    "que", "quand", "pieds", "pied", "hanche", "hanches", "cuisse", "mollet", "marche",
    "lentement",
})
# fmt: on
WORDS = {"en": ENGLISH, "fr": FRENCH}
OTHER = {"en": "fr", "fr": "en"}
# Elements whose text is never shown.
HIDDEN = {"script", "style", "template"}
# Attributes whose text is read out or shown.
SPOKEN = ("alt", "aria-label", "placeholder", "title")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Text(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, its language, hidden)
        self.own = []  # text in the page's language
        self.marked = []  # (language, text) of elements marked with another language

    def _context(self):
        if not self.stack:
            return self.language, False
        _tag, language, hidden = self.stack[-1]
        return language, hidden

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent_language, parent_hidden = self._context()
        language = attrs.get("lang") or parent_language
        hidden = parent_hidden or tag in HIDDEN
        if not hidden:
            spoken = [attrs[name] for name in SPOKEN if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                spoken.append(attrs["value"])
            for text in spoken:
                self._add(language, text)
        if tag not in VOID:
            self.stack.append((tag, language, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        language, hidden = self._context()
        if not hidden and data.strip():
            self._add(language, data)

    def _add(self, language, text):
        if language == self.language:
            self.own.append(text)
        else:
            self.marked.append((language, text.strip()))


def read(html: str, language: str):
    """(the text in `language`, [(language, text) of elements marked as another])."""
    parser = _Text(language)
    parser.feed(html)
    return "\n".join(parser.own), parser.marked


def foreign_words(text: str, language: str) -> set[str]:
    """The words of `text` that belong to the other language."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    return words & WORDS[OTHER[language]]
