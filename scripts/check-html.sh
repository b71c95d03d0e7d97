#!/usr/bin/env bash
# Checks an HTML dossier in headless Chromium (Debian's `chromium` package):
#   - accessibility: runs axe-core (installed from npm into a temporary
#     folder, never into the repo) and prints every violation; exits 1 when
#     one is serious or critical;
#   - weight and time: the page's size and its load time (navigation
#     `loadEventEnd`, in ms) as Chromium measures it.
# The page itself needs no script; axe and the timer are injected into a
# temporary copy only.
# Usage: scripts/check-html.sh DOSSIER.html
set -euo pipefail
page="$(realpath "$1")"
command -v chromium >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund axe-core@4 >/dev/null)

python3 - "$page" "$tmp" <<'PY'
import sys
page, tmp = sys.argv[1], sys.argv[2]
html = open(page, encoding="utf-8").read()
axe = open(tmp + "/node_modules/axe-core/axe.min.js", encoding="utf-8").read()
timer = ('<script>addEventListener("load",function(){setTimeout(function(){'
         'var t=performance.getEntriesByType("navigation")[0];'
         'document.body.setAttribute("data-load-ms",Math.round(t.loadEventEnd));},0)});</script>')
run = ('<script>' + axe + '</script><script>addEventListener("load",function(){'
       'axe.run(document,{resultTypes:["violations"]}).then(function(r){'
       'var p=document.createElement("pre");p.id="axe-out";'
       'p.textContent=JSON.stringify(r.violations.map(function(v){'
       'return {id:v.id,impact:v.impact,nodes:v.nodes.length};}));'
       'document.body.appendChild(p);});});</script>')
open(tmp + "/timed.html", "w", encoding="utf-8").write(html.replace("</body>", timer + "</body>"))
open(tmp + "/axe.html", "w", encoding="utf-8").write(html.replace("</body>", run + "</body>"))
PY

dump() {
    chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=60000 \
        --dump-dom "file://$1" 2>/dev/null
}
echo "size: $(stat -c %s "$page") bytes"
echo "load: $(dump "$tmp/timed.html" | grep -o 'data-load-ms="[0-9]*"' | grep -o '[0-9]*') ms"
dump "$tmp/axe.html" | python3 -c '
import html, json, re, sys
m = re.search(r"<pre id=\"axe-out\">(.*?)</pre>", sys.stdin.read(), re.S)
if not m:
    sys.exit("axe did not report")
found = json.loads(html.unescape(m.group(1)))
for v in found:
    print("axe: %(impact)s %(id)s (%(nodes)d elements)" % v)
bad = [v for v in found if v["impact"] in ("serious", "critical")]
print("axe: %d violations, %d serious or critical" % (len(found), len(bad)))
sys.exit(1 if bad else 0)
'
