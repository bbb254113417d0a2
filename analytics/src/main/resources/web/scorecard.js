// Keeps a scorecard page current without reloads: every data-refresh-seconds it fetches the page's content
// (main#content's data-src, the same HTML without the shell) and swaps it in when it changed. Served by the
// analytics service itself; no libraries, nothing from the network beyond this service.
(function () {
  'use strict';
  var main = document.getElementById('content');
  var status = document.getElementById('live-status');
  if (!main || !status || !window.fetch) {
    return;
  }
  var everyMs = Math.max(1, Number(main.getAttribute('data-refresh-seconds')) || 10) * 1000;
  var src = main.getAttribute('data-src');
  var shown = null;
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
    fetch(src, { cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (response) {
        // 404: a plant not known (yet); its content says so and is replaced once the plant has data.
        if (!response.ok && response.status !== 404) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (html !== shown) {
          main.innerHTML = html; // rendered and escaped by the server
          shown = html;
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
