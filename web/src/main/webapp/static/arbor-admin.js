// Admin pages: live tables over a WebSocket, and confirmations. No framework.
(function () {
  'use strict';

  // An element with data-live="<push channel path>" listens there (a WebSocket); on "refresh" the page re-fetches
  // itself and swaps in the new content of every [data-live-part] element (no reload, scroll position kept).
  var live = document.querySelector('[data-live]');
  if (live && window.WebSocket && window.fetch && window.DOMParser) {
    var context = document.querySelector('meta[name="arbor-context"]');
    var base = (context && context.getAttribute('content')) || '';
    var status = document.getElementById('live-status');
    var busy = false, again = false;
    var refetch = function () {
      if (busy) { again = true; return; }
      busy = true;
      fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          document.querySelectorAll('[data-live-part]').forEach(function (part) {
            var fresh = doc.getElementById(part.id);
            if (fresh) { part.innerHTML = fresh.innerHTML; }
          });
          document.body.setAttribute('data-refreshes',
            String(Number(document.body.getAttribute('data-refreshes') || 0) + 1));
        })
        .catch(function () { /* the next push tries again */ })
        .then(function () {
          busy = false;
          if (again) { again = false; setTimeout(refetch, 200); }
        });
    };
    var connect = function (delay) {
      var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
      var socket = new WebSocket(scheme + window.location.host + base + live.getAttribute('data-live'));
      socket.onopen = function () {
        if (status) { status.className = 'live on'; status.textContent = 'live'; }
        if (delay > 1000) { refetch(); } // reconnected: catch up on what was missed
      };
      socket.onmessage = function (e) { if (e.data === 'refresh') { refetch(); } };
      socket.onclose = function () {
        if (status) { status.className = 'live'; status.textContent = 'reconnecting…'; }
        setTimeout(function () { connect(Math.min(delay * 2, 30000)); }, delay);
      };
    };
    connect(1000);
  }

  // Time on page keeps counting between pushes.
  setInterval(function () {
    document.querySelectorAll('td.time-on-page[data-seconds]').forEach(function (cell) {
      if (!cell.hasAttribute('data-base')) {
        cell.setAttribute('data-base', cell.getAttribute('data-seconds'));
        cell.setAttribute('data-at', String(Date.now()));
      }
      var s = Number(cell.getAttribute('data-base')) + Math.floor((Date.now() - Number(cell.getAttribute('data-at'))) / 1000);
      var m = Math.floor(s / 60);
      cell.textContent = (m >= 60 ? Math.floor(m / 60) + ':' + String(m % 60).padStart(2, '0') : String(m)) + ':'
        + String(s % 60).padStart(2, '0');
    });
  }, 1000);

  // Buttons with data-confirm ask before submitting.
  document.querySelectorAll('[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (e) {
      if (!window.confirm(button.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });

  // The create-session form shows only the chosen config's fields.
  var select = document.getElementById('session_config');
  if (select) {
    var show = function () {
      document.querySelectorAll('fieldset[data-config]').forEach(function (set) {
        var on = set.getAttribute('data-config') === select.value;
        set.hidden = !on;
        set.disabled = !on;
      });
    };
    select.addEventListener('change', show);
    show();
  }
})();
