// The monitor's chat with one participant: "Chat" in a row opens the conversation below the table; it is read
// again whenever the monitor is told something changed (a participant wrote), and answers are posted with the
// page's CSRF token. The participant sees an answer at once (their page listens on its own channel).
(function () {
  'use strict';
  var panel = document.getElementById('chat-panel');
  if (!panel || !window.fetch) { return; }
  var context = document.querySelector('meta[name="arbor-context"]');
  var base = (context && context.getAttribute('content')) || '';
  var session = panel.getAttribute('data-session');
  var list = document.getElementById('chat-messages');
  var title = document.getElementById('chat-title');
  var form = document.getElementById('chat-form');
  var status = document.getElementById('chat-status');
  var current = null;

  function url() { return base + '/chat/session/' + session + '/' + current; }

  function render(messages) {
    list.textContent = '';
    if (!messages.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = 'No messages yet.';
      list.appendChild(none);
    }
    messages.forEach(function (m) {
      var item = document.createElement('li');
      item.className = m.fromExperimenter ? 'from-experimenter' : 'from-participant';
      var who = document.createElement('strong');
      who.textContent = m.nickname + ': ';
      var when = document.createElement('time');
      when.dateTime = new Date(m.at).toISOString();
      when.textContent = ' ' + new Date(m.at).toLocaleTimeString();
      when.className = 'muted';
      item.appendChild(who);
      item.appendChild(document.createTextNode(m.body));
      item.appendChild(when);
      list.appendChild(item);
    });
  }

  function load() {
    if (!current) { return; }
    fetch(url(), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (j) { if (j.messages) { render(j.messages); } });
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button.chat-open');
    if (!button) { return; }
    current = button.getAttribute('data-participant');
    title.textContent = 'Chat with ' + button.getAttribute('data-name');
    panel.hidden = false;
    load();
    var body = document.getElementById('chat-body');
    if (body) { body.focus(); } else { panel.focus(); }
  });

  var close = document.getElementById('chat-close');
  if (close) { close.addEventListener('click', function () { panel.hidden = true; current = null; }); }

  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = document.getElementById('chat-body');
      var data = new URLSearchParams(new FormData(form));
      fetch(url(), { method: 'POST', credentials: 'same-origin', body: data })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (res) {
          if (res.ok) { body.value = ''; status.textContent = 'Sent'; render(res.j.messages); }
          else { status.textContent = res.j.message || 'Not sent'; }
        })
        .catch(function () { status.textContent = 'Not sent: the server did not answer.'; });
    });
  }

  document.addEventListener('arbor:refreshed', load);
})();
