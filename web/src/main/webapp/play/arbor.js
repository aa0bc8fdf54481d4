// Participant pages: the page timer and the wait pages' push channel (a WebSocket), each with a fallback.
(function () {
  'use strict';

  // A page with a timeout: count down, then submit the form marked as timed out.
  var timeLeft = document.getElementById('arbor-time-left');
  if (timeLeft) {
    var deadline = Date.now() + Number(timeLeft.getAttribute('data-seconds-left')) * 1000;
    var submitted = false;
    var tick = function () {
      var seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      timeLeft.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
      if (seconds === 0 && !submitted) {
        submitted = true;
        document.getElementById('arbor-timeout-happened').value = '1';
        document.getElementById('arbor-form').submit();
      }
    };
    tick();
    setInterval(tick, 250);
  }

  // A wait page (or a room's waiting page): reload when the server says so over a WebSocket; reload anyway
  // every 15 s in case a message is lost (another server instance, a proxy without WebSockets).
  var wait = document.querySelector('meta[name="arbor-wait"]');
  if (wait) {
    var reload = function () { window.location.reload(); };
    setTimeout(reload, 15000);
    if (window.WebSocket) {
      var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
      var socket = new WebSocket(scheme + window.location.host + wait.getAttribute('content'));
      socket.onmessage = function (e) {
        if (e.data === 'reload') { socket.close(); reload(); }
      };
    }
  }
})();
