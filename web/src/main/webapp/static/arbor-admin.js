// Admin pages: live tables over a WebSocket, and confirmations. No framework.
(function () {
  'use strict';

  // A page answering a form post (the form again with its errors) becomes a plain GET entry of the history:
  // back and reload never ask to resubmit the form.
  if (window.history && history.replaceState) { history.replaceState(null, '', window.location.href); }

  // An element with data-live="<push channel path>" listens there (a WebSocket); on "refresh" the page re-fetches
  // itself and swaps in the new content of every [data-live-part] element (no reload, scroll position kept).
  var live = document.querySelector('[data-live]');
  if (live && window.WebSocket && window.fetch && window.DOMParser) {
    var context = document.querySelector('meta[name="arbor-context"]');
    var base = (context && context.getAttribute('content')) || '';
    // the state is kept here and shown on whichever #live-status the page has now (a swapped part may bring
    // its own, empty one)
    var liveState = null;
    var showState = function () {
      var status = document.getElementById('live-status');
      if (status && liveState) { status.className = liveState.on ? 'live on' : 'live'; status.textContent = liveState.text; }
    };
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
            if (fresh) {
              // ticks the experimenter made stay ticked across the update
              var ticked = Array.from(part.querySelectorAll('input[type=checkbox]:checked')).map(function (c) { return c.id; });
              part.innerHTML = fresh.innerHTML;
              ticked.forEach(function (id) { var box = id && document.getElementById(id); if (box) { box.checked = true; } });
            }
          });
          showState();
          markScrolling();
          showLocalTimes();
          document.dispatchEvent(new CustomEvent('arbor:refreshed'));
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
        liveState = { on: true, text: 'live' };
        showState();
        if (delay > 1000) { refetch(); } // reconnected: catch up on what was missed
      };
      socket.onmessage = function (e) { if (e.data === 'refresh') { refetch(); } };
      socket.onclose = function () {
        liveState = { on: false, text: 'reconnecting…' };
        showState();
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

  // Wide tables: those that scroll sideways get a hint, keyboard focus and a label (see the stylesheet).
  var markScrolling = function () {
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle('scrolls', scrolls);
      var hint = wrap.previousElementSibling;
      var hasHint = hint && hint.classList.contains('scroll-hint');
      if (scrolls) {
        if (!wrap.hasAttribute('tabindex')) { wrap.setAttribute('tabindex', '0'); wrap.setAttribute('data-made-focusable', ''); }
        if (!wrap.hasAttribute('role')) { wrap.setAttribute('role', 'region'); }
        if (!wrap.hasAttribute('aria-label')) {
          var table = wrap.querySelector('table');
          var heading = table && table.id ? table.id.replace(/[-_]/g, ' ') : 'table';
          wrap.setAttribute('aria-label', 'Table ' + heading + ', scrolls sideways');
        }
        if (!hasHint) {
          var p = document.createElement('p');
          p.className = 'scroll-hint';
          p.textContent = 'More columns to the right: scroll the table sideways \u2192';
          wrap.parentNode.insertBefore(p, wrap);
        }
      } else {
        if (hasHint) { hint.remove(); }
        if (wrap.hasAttribute('data-made-focusable')) { wrap.removeAttribute('tabindex'); wrap.removeAttribute('data-made-focusable'); }
      }
    });
  };
  markScrolling();
  window.addEventListener('resize', markScrolling);
  window.arborMarkScrolling = markScrolling;

  // Times: the page says UTC; show them in the viewer's time zone (UTC stays in the tooltip). data-ago times
  // ("5 minutes ago") get the exact local time as their tooltip.
  var pad = function (n) { return String(n).padStart(2, '0'); };
  var zone = (function () {
    try {
      var part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date())
        .filter(function (p) { return p.type === 'timeZoneName'; })[0];
      return part ? part.value : '';
    } catch (e) { return ''; }
  })();
  var localTime = function (d, seconds) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
      + pad(d.getMinutes()) + (seconds ? ':' + pad(d.getSeconds()) : '') + (zone ? ' ' + zone : '');
  };
  var showLocalTimes = function () {
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var value = t.getAttribute('datetime');
      if (!value || t.hasAttribute('data-shown')) { return; }
      var d = new Date(value);
      if (isNaN(d.getTime())) { return; }
      t.setAttribute('data-shown', '');
      if (t.hasAttribute('data-local')) {
        t.title = t.textContent.trim();
        t.textContent = localTime(d, /:\d\d:\d\d/.test(t.title));
      } else {
        t.title = localTime(d, true);
      }
    });
  };
  showLocalTimes();
  window.arborShowLocalTimes = showLocalTimes;

  // Copy buttons: data-copy holds the text; the status next to the button says it was copied.
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[data-copy]');
    if (!button) { return; }
    var text = button.getAttribute('data-copy');
    var status = button.nextElementSibling && button.nextElementSibling.classList.contains('copy-status')
      ? button.nextElementSibling : null;
    var done = function (ok) {
      if (status) { status.textContent = ok ? 'Copied' : 'Select the link and copy it with Ctrl+C'; }
      setTimeout(function () { if (status) { status.textContent = ''; } }, 4000);
    };
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      area.remove();
      done(ok);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
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
