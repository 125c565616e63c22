# Sourced by the other scripts of scripts/ci/: the `folio` command and the options that
# every step shares. Not a step of its own.

# In Folio's own repository the command is scripts/folio.js; in a book's repository it
# is the installed package's.
if [ -f scripts/folio.js ] && grep -q '"name": "folio"' package.json 2>/dev/null; then
  FOLIO=(node scripts/folio.js)
else
  FOLIO=(npx --no-install folio)
fi

# Where the chapters are, when not where book.yaml's `source` says (the repository
# variable FOLIO_SOURCE, a pattern with {lang} and {slug}).
SOURCE_ARGS=()
if [ -n "${FOLIO_SOURCE:-}" ]; then SOURCE_ARGS=(--source "$FOLIO_SOURCE"); fi

# The book: book.yaml at the top of the repository unless FOLIO_BOOK says otherwise.
BOOK="${FOLIO_BOOK:-book.yaml}"
