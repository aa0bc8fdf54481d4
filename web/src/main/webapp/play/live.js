// A page with a live method (oTree's live pages): liveSend(data) sends any JSON value to the page's liveMethod on
// the server; the page's own function liveRecv(data), if it has one, gets the answers for this participant;
// liveError(message), if defined, gets a refusal (too large, too many, the server failed); either way it is
// logged to the console. Loaded in the page's head, so the page's own scripts can call liveSend at once: messages
// wait until the WebSocket is open. A dropped connection is opened again.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="arbor-live"]');
  if (!meta) { return; }
  var MAX_BYTES = 16384;
  var socket = null;
  var isOpen = false;
  var queue = [];
  var leaving = false;
  var delay = 250;

  var refuse = function (message) {
    if (window.console) { console.error('liveSend: ' + message); }
    if (typeof window.liveError === 'function') { window.liveError(message); }
  };

  var connect = function () {
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + window.location.host + meta.getAttribute('content'));
    socket.onopen = function () {
      isOpen = true;
      delay = 250;
      while (queue.length) { socket.send(queue.shift()); }
    };
    socket.onmessage = function (e) {
      if (e.data === 'reload') { leaving = true; socket.close(); window.location.reload(); return; }
      var message = JSON.parse(e.data);
      if (message.error !== undefined) { refuse(message.error); return; }
      if (typeof window.liveRecv === 'function') { window.liveRecv(message.data); }
    };
    socket.onclose = function () {
      isOpen = false;
      if (!leaving) { setTimeout(connect, delay); delay = Math.min(delay * 2, 4000); }
    };
  };

  window.liveSend = function (data) {
    var text = JSON.stringify(data === undefined ? null : data);
    if (new Blob([text]).size > MAX_BYTES) {
      refuse('A live message may have at most ' + MAX_BYTES + ' bytes; this one was not sent.');
      return;
    }
    if (isOpen) { socket.send(text); } else { queue.push(text); }
  };
  window.addEventListener('pagehide', function () { leaving = true; });
  if (window.WebSocket) { connect(); }
})();
