// Keeps a scorecard page current without reloads: every data-refresh-seconds it asks for the page's content
// (main#content's data-src, the same HTML without the shell) with the version it shows (data-version, sent as
// If-None-Match); the service answers 304 while nothing changed, else the new content, which is swapped in.
// Served by the analytics service itself; no libraries, nothing from the network beyond this service.
(function () {
  'use strict';
  var main = document.getElementById('content');
  var status = document.getElementById('live-status');
  if (!main || !status || !window.fetch) {
    return;
  }
  var everyMs = Math.max(1, Number(main.getAttribute('data-refresh-seconds')) || 10) * 1000;
  var src = main.getAttribute('data-src');
  var version = main.getAttribute('data-version');
  var lastOk = null;

  function time(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function show(text, stale) {
    status.textContent = text;
    status.className = stale ? 'live stale' : 'live';
  }

  function refresh() {
    if (document.hidden) {
      setTimeout(refresh, everyMs);
      return;
    }
    var headers = { Accept: 'text/html' };
    if (version) {
      headers['If-None-Match'] = version;
    }
    fetch(src, { cache: 'no-store', headers: headers })
      .then(function (response) {
        if (response.status === 304) {
          return null;
        }
        // 404: a plant not known (yet); its content says so and is replaced once the plant has data.
        if (!response.ok && response.status !== 404) {
          throw new Error('HTTP ' + response.status);
        }
        version = response.headers.get('ETag');
        return response.text();
      })
      .then(function (html) {
        if (html !== null) {
          main.innerHTML = html; // rendered and escaped by the server
        }
        lastOk = new Date();
        show('live · updated ' + time(lastOk), false);
      })
      .catch(function (error) {
        show('not updating (' + error.message + ')' + (lastOk ? ' · last update ' + time(lastOk) : ''), true);
      })
      .then(function () {
        setTimeout(refresh, everyMs);
      });
  }

  show('live · every ' + everyMs / 1000 + ' s', false);
  setTimeout(refresh, everyMs);
})();
