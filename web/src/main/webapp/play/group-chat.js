// Chats between participants (<arbor:chat/>): every .arbor-group-chat on the page reads its channel from
// /chat/channel with the ticket the server signed into the page, when the page opens and whenever the server says
// someone wrote (a WebSocket on /live/channel/<key>/0; every 20 s without one). Names and messages are set with
// textContent, so HTML in them is shown as text and never run.
(function () {
  'use strict';
  if (!window.fetch) { return; }
  var script = document.currentScript;
  var words = { me: script.getAttribute('data-me'), failed: script.getAttribute('data-failed') };
  var path = window.location.pathname;
  var base = path.substring(0, Math.max(0, path.search(/\/(p|InitializeParticipant|join|room)\//)));
  var url = base + '/chat/channel';

  function start(box) {
    if (box.getAttribute('data-ready')) { return; }
    box.setAttribute('data-ready', '1');
    var ticket = box.getAttribute('data-chat-ticket');
    var list = box.querySelector('.arbor-group-chat-messages');
    var input = box.querySelector('.arbor-group-chat-body');
    var button = box.querySelector('.arbor-group-chat-send');
    var status = box.querySelector('.arbor-group-chat-status');

    function render(messages) {
      list.textContent = '';
      messages.forEach(function (m) {
        var item = document.createElement('li');
        item.className = m.mine ? 'mine' : 'theirs';
        var who = document.createElement('strong');
        who.textContent = (m.mine ? m.nickname + ' ' + words.me : m.nickname) + ': ';
        item.appendChild(who);
        item.appendChild(document.createTextNode(m.body));
        list.appendChild(item);
      });
      list.scrollTop = list.scrollHeight;
    }

    function load() {
      return fetch(url + '?ticket=' + encodeURIComponent(ticket), { cache: 'no-store' })
        .then(function (r) { return r.json(); })
        .then(function (j) { if (j.messages) { render(j.messages); } }).catch(function () { });
    }

    function send() {
      if (!input.value.trim()) { return; }
      fetch(url, { method: 'POST', body: new URLSearchParams({ ticket: ticket, body: input.value }) })
        .then(function (r) {
          return r.json().then(function (j) {
            if (!r.ok) { status.textContent = j.message || words.failed; return; }
            input.value = '';
            status.textContent = '';
            if (j.messages) { render(j.messages); }
          });
        })
        .catch(function () { status.textContent = words.failed; });
    }

    button.addEventListener('click', send);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); send(); }
    });
    load();
    var key = box.getAttribute('data-chat-live');
    var listen = function (delay) {
      var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
      var socket = new WebSocket(scheme + window.location.host + base + '/live/channel/' + key + '/0');
      socket.onopen = function () { delay = 1000; };
      socket.onmessage = function () { load(); };
      socket.onclose = function () { setTimeout(function () { load(); listen(Math.min(delay * 2, 30000)); }, delay); };
    };
    if (window.WebSocket) { listen(1000); } else { setInterval(load, 20000); }
  }

  Array.prototype.forEach.call(document.querySelectorAll('.arbor-group-chat'), start);
})();
