// The downloads below the scope form export the scope that was last shown ("Exporting: ..."). Once the form
// is changed they no longer match it: they are hidden until "Show exports" is pressed, so a click on CSV can
// never export another set of sessions than the one on screen.
(function () {
  'use strict';
  var form = document.getElementById('export-scope');
  if (!form) {
    return;
  }
  function stale() {
    var downloads = document.getElementById('export-downloads-area');
    var notice = document.getElementById('export-stale');
    if (downloads) {
      downloads.hidden = true;
    }
    if (notice) {
      notice.hidden = false;
    }
  }
  form.addEventListener('change', stale);
  form.addEventListener('input', stale);
})();

// The Data page's downloads with progress. Without JavaScript (or without streaming fetch) the links simply
// download. With it, a click fetches the file as a stream and shows rows received (CSV: counted as lines arrive)
// or rows written on the server (Excel, assembled before it is sent: polled from /export/progress) against the
// expected count from /export/count; when complete, the file is handed to the browser under the server's name.
// An export that fails half-way is reported and not saved.
(function () {
  'use strict';
  if (!window.fetch || !window.ReadableStream || !window.URL || !URL.createObjectURL) {
    return;
  }

  function randomId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return 'x' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function fileName(response, fallback) {
    var header = response.headers.get('Content-Disposition') || '';
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }

  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1) + ' MB';
  }

  function show(status, text, value, max) {
    status.textContent = '';
    if (value !== null) {
      var bar = document.createElement('progress');
      if (max) {
        bar.max = max;
        bar.value = Math.min(value, max);
      }
      status.appendChild(bar);
      status.appendChild(document.createTextNode(' '));
    }
    status.appendChild(document.createTextNode(text));
  }

  function save(blob, name) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 60000);
  }

  async function download(link) {
    var row = link.closest('tr');
    var status = row.querySelector('.export-status');
    var xlsx = link.dataset.format === 'xlsx';
    var expected = null;
    var serverRows = 0;
    var id = randomId();
    row.querySelectorAll('a.export-download').forEach(function (a) { a.setAttribute('aria-disabled', 'true'); });
    status.classList.remove('export-error');
    show(status, xlsx ? 'Preparing the Excel file…' : 'Starting…', 0, 0);
    fetch(link.dataset.count, {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { if (j) { expected = j.rows + 1; } })
        .catch(function () { });
    var poll = null;
    var rows = 0;
    var bytes = 0;
    var progressUrl = link.dataset.count.split('/export/count')[0] + '/export/progress?id=' + encodeURIComponent(id);
    if (xlsx) {
      poll = setInterval(function () {
        fetch(progressUrl, {credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (j) {
              if (j && bytes === 0) {
                serverRows = j.rows;
                show(status, 'Preparing the Excel file: ' + serverRows.toLocaleString()
                    + (expected ? ' of ' + expected.toLocaleString() : '') + ' rows', serverRows, expected);
              }
            })
            .catch(function () { });
      }, 1000);
    }
    try {
      var response = await fetch(link.href + '&progress=' + encodeURIComponent(id), {credentials: 'same-origin'});
      if (!response.ok) {
        throw new Error(await response.text() || ('HTTP ' + response.status));
      }
      var name = fileName(response, 'export.' + link.dataset.format);
      var reader = response.body.getReader();
      var chunks = [];
      var lastShown = 0;
      for (;;) {
        var part = await reader.read();
        if (part.done) {
          break;
        }
        chunks.push(part.value);
        bytes += part.value.length;
        if (!xlsx) {
          for (var i = 0; i < part.value.length; i++) {
            if (part.value[i] === 10) {
              rows++;
            }
          }
        }
        var now = Date.now();
        if (now - lastShown > 200) {
          lastShown = now;
          show(status, xlsx ? 'Receiving ' + megabytes(bytes)
              : rows.toLocaleString() + (expected ? ' of ' + expected.toLocaleString() : '') + ' rows, '
                + megabytes(bytes), xlsx ? bytes : rows, xlsx ? 0 : expected);
        }
      }
      // A CSV that failed after its first bytes still arrives as a normal response: its last line says so.
      var blob = new Blob(chunks, {type: response.headers.get('Content-Type') || 'application/octet-stream'});
      var tail = xlsx ? '' : await blob.slice(Math.max(0, blob.size - 400)).text();
      if (tail.indexOf('\nARBOR EXPORT FAILED') >= 0) {
        throw new Error('the server could not finish it (see its log).');
      }
      save(blob, name);
      show(status, 'Done: ' + name + (xlsx ? '' : ', ' + rows.toLocaleString() + ' rows') + ', '
          + megabytes(bytes), null, null);
    } catch (e) {
      show(status, 'Export failed' + (rows ? ' after ' + rows.toLocaleString() + ' rows' : '') + ': '
          + (e && e.message ? e.message : e) + ' Nothing was saved.', null, null);
      status.classList.add('export-error');
    } finally {
      if (poll) {
        clearInterval(poll);
      }
      row.querySelectorAll('a.export-download').forEach(function (a) { a.removeAttribute('aria-disabled'); });
    }
  }

  // choosing a session or ticking one also chooses that scope
  document.addEventListener('change', function (event) {
    var target = event.target;
    var scope = target.name === 'one' ? 'scope-one' : target.name === 'session' ? 'scope-chosen' : null;
    if (scope && document.getElementById(scope)) {
      document.getElementById(scope).checked = true;
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.export-download');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-disabled') === 'true') {
      return;
    }
    download(link);
  });
})();
