// Participant pages: the page timer and the wait pages' push channel (a WebSocket), each with a fallback.
(function () {
  'use strict';

  // A page answering a form post (a form with errors) becomes a plain GET entry of the history: going back to
  // it or reloading it asks nothing ("Confirm Form Resubmission") and shows the page afresh.
  if (window.history && history.replaceState) { history.replaceState(null, '', window.location.href); }

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
  // every 15 s in case a message is lost (a proxy without WebSockets). When the connection drops (the server
  // instance stopped), connect again: the load balancer picks another instance, which answers at once if the
  // page has already let its players go.
  var wait = document.querySelector('meta[name="arbor-wait"]');
  if (wait) {
    var reloading = false;
    var reload = function () { reloading = true; window.location.reload(); };
    setTimeout(reload, 15000);
    var listen = function (delay) {
      var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
      var socket = new WebSocket(scheme + window.location.host + wait.getAttribute('content'));
      socket.onmessage = function (e) {
        if (e.data === 'reload') { socket.close(); reload(); }
      };
      socket.onclose = function () {
        if (!reloading) { setTimeout(function () { listen(Math.min(delay * 2, 4000)); }, delay); }
      };
    };
    if (window.WebSocket) { listen(250); }
  }
})();
