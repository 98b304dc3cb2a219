/*
 * Sign-in shared by the staff pages (/agent, /admin), served next to each page like staff.css. Plain JavaScript with no
 * dependencies. The staff token lives in sessionStorage only; server text goes into the page with textContent.
 *
 *   var session = StaffSignIn.start({
 *     tokenKey: 'servicebot.NAME.token',   // sessionStorage key of this page
 *     meUrl: '/api/NAME/me',               // answers the signed-in member, 401 for a bad token, 403 for a role not allowed
 *     panel: 'desk',                       // id of what the page shows once signed in
 *     forbidden: '…',                      // optional: the message for a 403 at sign-in
 *     onSignedIn: function (me) { … }, onSignedOut: function () { … }
 *   });
 *   session.api('GET', '/api/…') → JSON, or throws a StaffSignIn.Problem; a 401 signs out.
 *
 * The page provides #sign-in, #sign-in-form, #token, #sign-in-error, #who, #who-name, #sign-out and the panel.
 */
(function () {
  'use strict';

  var ROLE_NAMES = { agent: '坐席', supervisor: '班长', admin: '管理员' };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined && c !== false && c !== '') node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function Problem(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = (body && (body.detail || body.title)) || ('HTTP ' + status);
  }

  function roleName(role) { return ROLE_NAMES[role] || role; }

  function start(options) {
    var session = { token: sessionStorage.getItem(options.tokenKey), me: null };

    /** Sends a request with the member's token; JSON in, JSON out. A FormData body goes as multipart. */
    session.api = async function (method, path, body) {
      var headers = { 'Authorization': 'Bearer ' + session.token };
      var payload;
      if (body instanceof FormData) payload = body;
      else if (body !== undefined && body !== null) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
      var response = await fetch(path, { method: method, headers: headers, body: payload });
      var text = await response.text();
      var json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
      if (response.status === 401) signOut('登录已失效，请重新登录。');
      if (!response.ok) throw new Problem(response.status, json);
      return json;
    };

    async function signIn(token) {
      session.token = token;
      try {
        session.me = await session.api('GET', options.meUrl);
      } catch (e) {
        session.token = null;
        sessionStorage.removeItem(options.tokenKey);
        $('sign-in').hidden = false;
        $('sign-in-error').textContent = e.status === 401 ? '令牌无效，请检查后重试。'
          : e.status === 403 && options.forbidden ? options.forbidden : '登录失败：' + e.message;
        return;
      }
      sessionStorage.setItem(options.tokenKey, token);
      $('sign-in').hidden = true;
      $(options.panel).hidden = false;
      $('who').hidden = false;
      $('who-name').textContent = session.me.name + '（' + roleName(session.me.role) + '）';
      if (options.onSignedIn) options.onSignedIn(session.me);
    }

    function signOut(message) {
      var wasSignedIn = session.me !== null;
      session.token = null;
      session.me = null;
      sessionStorage.removeItem(options.tokenKey);
      $(options.panel).hidden = true;
      $('who').hidden = true;
      $('sign-in').hidden = false;
      $('sign-in-error').textContent = message || '';
      $('token').value = '';
      $('token').focus();
      if (wasSignedIn && options.onSignedOut) options.onSignedOut();
    }

    function wire() {
      $('sign-in-form').addEventListener('submit', function (event) {
        event.preventDefault();
        var token = $('token').value.trim();
        if (!token) { $('sign-in-error').textContent = '请输入访问令牌。'; return; }
        $('sign-in-error').textContent = '';
        signIn(token);
      });
      $('sign-out').addEventListener('click', function () { signOut(''); });
      if (session.token) signIn(session.token); else $('token').focus();
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
    else wire();
    return session;
  }

  window.StaffSignIn = { start: start, el: el, clear: clear, Problem: Problem, roleName: roleName };
})();
