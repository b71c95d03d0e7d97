#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/seeds/<target>/ from files the repository
owns (examples/corpus/) and from short invented documents below, one of
each container and shape the ingest stage reads. Re-run after changing the
examples; the output is deterministic."""
import gzip, io, os, shutil

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
examples = os.path.join(root, "examples", "corpus")
seeds = os.path.join(here, "seeds")
SEP = b"\n-----\n"

def read(name):
    with open(os.path.join(examples, name), "rb") as f:
        return f.read()

def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()

def warc_record(kind, uri, ctype, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2031-06-09T10:00:00Z\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"

def warc_response(uri, html):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
    return warc_record("response", uri, "application/http; msgtype=response", http)

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry fire: 7 dead | Harbour Desk</title>
<meta property="og:site_name" content="Harbour Desk">
<meta property="article:published_time" content="2031-06-09T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry fire: 7 dead","datePublished":"2031-06-09","author":{"name":"Ana Reyes"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Ferry fire: 7 dead</h1>
<p class="byline">By Ana Reyes</p>
<p>A fire at the ferry terminal killed 7 people on Sunday, the coastguard said. About 120 passengers were evacuated.</p>
<p>"We saw smoke at 9 a.m.," said Tom Ilves, a port worker. Officials said damage could reach $4.5 million.</p>
<p>On Monday the toll rose to nine, according to the regional health office.</p>
</article><footer>&copy; 2031</footer></body></html>"""

TEXT_A = b"""Ferry terminal fire kills seven

9 June 2031

A fire at the ferry terminal killed 7 people on Sunday, the coastguard said. About 120 passengers were evacuated, and three ships were held in port.

"The fire spread in minutes," said harbour master Lena Voss. Police said two men were arrested on Monday.
"""

TEXT_B = b"""Nine dead in ferry terminal blaze

10 June 2031

Nine people died in Sunday's fire at the ferry terminal, the regional health office said on Monday, up from seven. Some 150 passengers had been evacuated.

Harbour master Lena Voss said: "The fire spread within minutes." Damage was put at between 3 and 5 million euros.
"""

JSONL = (b'{"title": "Ferry fire", "maintext": "A fire at the ferry terminal killed 7 people on Sunday.", '
         b'"date_publish": "2031-06-09 08:00:00", "url": "https://desk.example/a", "language": "en"}\n'
         b'{"title": "Toll rises", "text": "Nine people died, officials said.", "source_domain": "desk.example"}\n'
         b'not json\n{"url": "https://desk.example/only-a-link"}\n')

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Desk</title>
<item><title>Ferry fire</title><link>https://desk.example/a</link><pubDate>Sun, 09 Jun 2031 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>A fire at the ferry terminal killed 7 people on Sunday, the coastguard said. About 120 passengers were evacuated from the terminal.</p>]]></content:encoded></item>
<item><title>Toll rises</title><link>https://desk.example/b</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2031-06-09T08:00:00Z</updated>
<entry><title>Ferry fire</title><id>urn:a</id><updated>2031-06-09T08:00:00Z</updated><link href="https://desk.example/a"/>
<content type="html">&lt;p&gt;A fire at the ferry terminal killed 7 people on Sunday.&lt;/p&gt;</content></entry>
<entry><title>Toll rises</title><id>urn:b</id><updated>2031-06-10T08:00:00Z</updated><link href="https://desk.example/b"/></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://desk.example/"><title>Desk</title></channel>
<item rdf:about="https://desk.example/a"><title>Ferry fire</title><link>https://desk.example/a</link><description>Seven dead.</description></item>
</rdf:RDF>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://desk.example/a</loc></url><url><loc>https://desk.example/b</loc></url></urlset>"""

LATIN1 = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
          '<body><p>Le d\u00e9partement a compt\u00e9 12 bless\u00e9s, selon la pr\u00e9fecture.</p></body></html>').encode("latin-1")

def write(target, name, data):
    d = os.path.join(seeds, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

shutil.rmtree(seeds, ignore_errors=True)
html_examples = sorted(n for n in os.listdir(examples) if n.endswith(".html"))
text_examples = sorted(n for n in os.listdir(examples) if n.endswith(".txt"))
# The example corpus itself is read in place (scripts/fuzz.sh and the
# replay test add examples/corpus as a seed directory), not copied here.
write("extract", "page.html", PAGE)
write("extract", "latin1.html", LATIN1)
write("extract", "fragment.html", b"<p>Seven dead.</p><p>\"Terrible,\" she said.</p>")
write("analyze", "a.txt", TEXT_A)
write("analyze", "b.txt", TEXT_B)
write("analyze", "figures.txt", b"Between 12 and 15 people, or about a dozen, were hurt; at least 3 died and 2,400 were evacuated. "
      b"The storm cost \xe2\x82\xac1.2bn (about $1.3 billion). Two-thirds of 90 homes, 40%, lost power on 3 March 2031 at 4pm.\n")
warc = warc_response("https://desk.example/a", PAGE) + warc_record("request", "https://desk.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n") + warc_response("https://desk.example/b", b"<html><body><p>Nine dead.</p></body></html>")
write("ingest", "crawl.warc", warc)
write("ingest", "crawl.warc.gz", gz(warc[: len(warc) // 2]) + gz(warc[len(warc) // 2 :]))
write("ingest", "records.jsonl", JSONL)
write("ingest", "record.json", b'{\n  "title": "Ferry fire",\n  "text": "Seven dead."\n}\n')
write("ingest", "records.json", b'[{"title": "A", "maintext": "Seven dead."}, {"title": "B", "maintext": "Nine dead."}]')
write("ingest", "feed.rss", RSS)
write("ingest", "feed.atom", ATOM)
write("ingest", "feed.rdf", RDF)
write("ingest", "sitemap.xml", SITEMAP)
write("ingest", "text.txt.gz", gz(TEXT_A))
write("ingest", "bom.txt", b"\xef\xbb\xbf" + TEXT_B)
write("ingest", "utf16.txt", "\ufeffSeven dead in ferry fire.".encode("utf-16-le"))
write("ingest", "latin1.html", LATIN1)
write("check", "examples", SEP.join(read(n) for n in html_examples + text_examples))
write("check", "two-texts", TEXT_A + SEP + TEXT_B)
write("check", "page-and-text", PAGE + SEP + TEXT_B)
write("check", "feed-and-jsonl", RSS + SEP + JSONL)
write("check", "repeated", TEXT_A + SEP + TEXT_A + SEP + b"12 dead. " * 200)
