# calibre, a real reading system, over several EPUBs in one process:
#
#   calibre-debug calibre-batch.py OUTDIR FILE...
#
# The ebook-convert command starts Python, Qt and calibre's plugins for each file (about
# 0.8 s of CPU for one of the guide's EPUBs, most of it starting). This runs the same code,
# ebook-convert's own main(), once per file in one process: OUTDIR/<index>.txt is what
# `ebook-convert FILE OUTDIR/<index>.txt` writes (checked byte for byte on the guide). After
# each file a line says how it went:
#   FOLIO-CALIBRE ok <index>
#   FOLIO-CALIBRE failed <index> <message>
# Everything else calibre prints (its log) is left for the caller to show.
import os
import sys
import traceback

from calibre.ebooks.conversion.cli import main

out = sys.argv[1]
for index, path in enumerate(sys.argv[2:]):
    try:
        code = main(['ebook-convert', path, os.path.join(out, '%d.txt' % index)])
    except SystemExit as exit:
        code = exit.code
    except BaseException:
        traceback.print_exc()
        code = 'an exception (see above)'
    sys.stdout.flush()
    if code in (0, None):
        print('FOLIO-CALIBRE ok %d' % index, flush=True)
    else:
        print('FOLIO-CALIBRE failed %d %s' % (index, code), flush=True)
