// The pages' only script (served from /assets, as the Content-Security-Policy
// requires). Text from the server is only ever set with textContent.
(function () {
  'use strict';
  var body = document.body;
  var needsToken = body.getAttribute('data-auth') === '1';
  function token() {
    try { return sessionStorage.getItem('crosswire-token') || ''; } catch (e) { return ''; }
  }
  function headers(json) {
    var h = {};
    if (json) h['Content-Type'] = 'application/json';
    if (token()) h['Authorization'] = 'Bearer ' + token();
    return h;
  }
  function li(text, href) {
    var item = document.createElement('li');
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      item.appendChild(a);
    } else {
      item.textContent = text;
    }
    return item;
  }

  // Live updates: a banner when articles arrive or an alert is raised.
  var live = document.getElementById('cw-live');
  var firstSeq = null;
  function openStream() {
    if (!window.EventSource || (needsToken && !token())) return;
    var url = '/api/v1/alerts/stream' + (token() ? '?access_token=' + encodeURIComponent(token()) : '');
    var es = new EventSource(url);
    es.addEventListener('store', function (ev) {
      var seq = JSON.parse(ev.data).last_seq;
      if (firstSeq === null) { firstSeq = seq; return; }
      if (seq > firstSeq && live) {
        live.textContent = 'New articles: reload';
        live.hidden = false;
      }
    });
    es.addEventListener('alert', function (ev) {
      var a = JSON.parse(ev.data);
      var event = body.getAttribute('data-event');
      if (live && (!event || String(a.event) === event)) {
        live.textContent = a.summary;
        live.hidden = false;
      }
      var list = document.getElementById('cw-alert-list');
      if (list) list.insertBefore(li(a.summary, '/events/' + a.event), list.firstChild);
    });
    es.onerror = function () { /* EventSource reconnects by itself */ };
    // A browser keeps six connections per server: a stream left open by
    // each page left behind would stall the seventh page.
    window.addEventListener('pagehide', function () { es.close(); });
  }
  if (live) live.addEventListener('click', function () { location.reload(); });

  // The watch page.
  var form = document.getElementById('cw-watch-form');
  var msg = document.getElementById('cw-watch-msg');
  function loadWatches() {
    var list = document.getElementById('cw-watch-list');
    if (!list || (needsToken && !token())) return;
    fetch('/api/v1/watches', { headers: headers(false) })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (ws) {
        list.textContent = '';
        ws.forEach(function (w) {
          var href = w.target.kind === 'event' ? '/events/' + w.target.event : '/search?q=' + encodeURIComponent(w.target.query.text);
          var item = li(w.name, href);
          var feed = document.createElement('a');
          feed.href = w.feed + (token() ? '?access_token=' + encodeURIComponent(token()) : '');
          feed.textContent = ' (Atom)';
          item.appendChild(feed);
          list.appendChild(item);
        });
      })
      .catch(function () {});
    fetch('/api/v1/alerts?limit=50', { headers: headers(false) })
      .then(function (r) { return r.ok ? r.json() : { alerts: [] }; })
      .then(function (ans) {
        var alerts = document.getElementById('cw-alert-list');
        if (!alerts) return;
        ans.alerts.forEach(function (a) {
          alerts.insertBefore(li(a.summary, '/events/' + a.event), alerts.firstChild);
        });
      })
      .catch(function () {});
  }
  if (form) {
    var tokenInput = document.getElementById('cw-token');
    if (tokenInput) {
      tokenInput.value = token();
      tokenInput.addEventListener('change', function () {
        try { sessionStorage.setItem('crosswire-token', tokenInput.value); } catch (e) {}
        loadWatches();
        openStream();
      });
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var data = new FormData(form);
      var req = {};
      ['event', 'q', 'webhook'].forEach(function (k) {
        var v = String(data.get(k) || '').trim();
        if (v) req[k] = v;
      });
      fetch('/api/v1/watches', { method: 'POST', headers: headers(true), body: JSON.stringify(req) })
        .then(function (r) { return r.json().then(function (j) { return [r.ok, j]; }); })
        .then(function (res) {
          if (res[0]) {
            msg.textContent = 'Watching ' + res[1].name + (res[1].secret ? '; webhook secret: ' + res[1].secret : '');
            loadWatches();
          } else {
            msg.textContent = res[1].error || 'refused';
          }
        })
        .catch(function () { msg.textContent = 'the server did not answer'; });
    });
    loadWatches();
  }

  // The article page: bring the highlighted figure or sentence into view.
  var hit = document.getElementById('hit');
  if (hit && hit.scrollIntoView) hit.scrollIntoView({ block: 'center' });

  openStream();
})();
