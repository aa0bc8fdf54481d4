// A participant's chat with the experimenter: the conversation is read from /chat/p/<code> when the page opens
// and whenever the server says the experimenter wrote (a WebSocket on /live/chat/<code>/0; every 20 s without
// one). A new message from the experimenter is also shown at the top of the page at once, and opens the chat.
(function () {
  'use strict';
  var box = document.getElementById('arbor-chat');
  if (!box || !window.fetch) { return; }
  var script = document.currentScript;
  var words = {
    me: script.getAttribute('data-me'), experimenter: script.getAttribute('data-experimenter'),
    failed: script.getAttribute('data-failed')
  };
  var code = box.getAttribute('data-participant');
  var path = window.location.pathname;
  var base = path.substring(0, Math.max(0, path.search(/\/(p|InitializeParticipant|join|room)\//)));
  var url = base + '/chat/p/' + code;
  var list = document.getElementById('arbor-chat-messages');
  var details = document.getElementById('arbor-chat-box');
  var notice = document.getElementById('arbor-notice');
  var form = document.getElementById('arbor-chat-form');
  var status = document.getElementById('arbor-chat-status');
  var seenKey = 'arbor-chat-seen-' + code;
  var seen = Number(window.sessionStorage ? sessionStorage.getItem(seenKey) || 0 : 0);

  function render(messages) {
    list.textContent = '';
    var newest = null;
    messages.forEach(function (m) {
      var item = document.createElement('li');
      item.className = m.fromExperimenter ? 'from-experimenter' : 'from-me';
      var who = document.createElement('strong');
      who.textContent = (m.fromExperimenter ? words.experimenter : words.me) + ': ';
      item.appendChild(who);
      item.appendChild(document.createTextNode(m.body));
      list.appendChild(item);
      if (m.fromExperimenter && m.id > seen) { newest = m; }
    });
    if (newest) {
      seen = newest.id;
      if (window.sessionStorage) { sessionStorage.setItem(seenKey, String(seen)); }
      if (notice) { notice.textContent = words.experimenter + ': ' + newest.body; notice.hidden = false; }
      details.open = true;
    }
  }

  function load() {
    return fetch(url, { cache: 'no-store' }).then(function (r) { return r.json(); })
      .then(function (j) { if (j.messages) { render(j.messages); } }).catch(function () { });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = document.getElementById('arbor-chat-body');
    fetch(url, { method: 'POST', body: new URLSearchParams({ body: body.value }) })
      .then(function (r) { if (!r.ok) { throw new Error(); } body.value = ''; status.textContent = ''; return load(); })
      .catch(function () { status.textContent = words.failed; });
  });

  load();
  var listen = function (delay) {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + window.location.host + base + '/live/chat/' + code + '/0');
    socket.onmessage = function () { load(); };
    socket.onclose = function () { setTimeout(function () { listen(Math.min(delay * 2, 30000)); }, delay); };
  };
  if (window.WebSocket) { listen(1000); } else { setInterval(load, 20000); }
})();
