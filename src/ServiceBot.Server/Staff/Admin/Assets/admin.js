/*
 * The admin console shell (/admin): sign-in, the tab bar and the helpers the tabs share. Plain JavaScript with no
 * dependencies. The staff token lives in sessionStorage only; server text goes into the page with textContent.
 *
 * Adding a tab: write admin-NAME.js that calls
 *   AdminConsole.registerTab({ id: 'name', title: '标题', order: 30, render: function (panel, console) { ... }, show: function () { ... } });
 * and add one line `<script src="/admin/admin-NAME.js" defer></script>` to admin.html. `render` runs once, the first time the
 * tab opens, with its empty <section> and this object; `show` (optional) runs every time the tab opens. Every file under
 * Staff/Admin/Assets is embedded and served at /admin/FILE.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'servicebot.admin.token';
  var ROLE_NAMES = { agent: '坐席', supervisor: '班长', admin: '管理员' };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function Problem(status, body) {
    this.status = status;
    this.body = body || {};
    this.message = (body && (body.detail || body.title)) || ('HTTP ' + status);
  }

  var state = { token: sessionStorage.getItem(TOKEN_KEY), me: null, tabs: [], rendered: {}, active: null };

  /** Sends a request with the admin's token; JSON in, JSON out. A FormData body goes as multipart. Throws a Problem on failure. */
  async function api(method, path, body) {
    var headers = { 'Authorization': 'Bearer ' + state.token };
    var payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
    var response = await fetch(path, { method: method, headers: headers, body: payload });
    var text = await response.text();
    var json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (response.status === 401) signOut('登录已失效，请重新登录。');
    if (!response.ok) throw new Problem(response.status, json);
    return json;
  }

  function registerTab(tab) {
    if (!tab || !tab.id || !tab.title || typeof tab.render !== 'function') throw new Error('registerTab needs {id, title, render}');
    state.tabs.push(tab);
    state.tabs.sort(function (a, b) { return (a.order || 100) - (b.order || 100); });
    if (state.me) renderTabBar();
  }

  function renderTabBar() {
    var bar = $('tabs');
    var panels = $('panels');
    clear(bar);
    state.tabs.forEach(function (tab) {
      var button = el('button', {
        type: 'button', role: 'tab', id: 'tab-' + tab.id, className: 'tab', 'aria-controls': 'panel-' + tab.id,
        'aria-selected': String(state.active === tab.id), text: tab.title
      });
      button.addEventListener('click', function () { open(tab.id); });
      bar.appendChild(button);
      if (!$('panel-' + tab.id))
        panels.appendChild(el('section', { id: 'panel-' + tab.id, className: 'panel', role: 'tabpanel', 'aria-labelledby': 'tab-' + tab.id, hidden: '' }));
    });
    var wanted = (location.hash || '').replace('#', '');
    if (!state.active && state.tabs.length) open(state.tabs.some(function (t) { return t.id === wanted; }) ? wanted : state.tabs[0].id);
  }

  function open(id) {
    var tab = state.tabs.filter(function (t) { return t.id === id; })[0];
    if (!tab) return;
    state.active = id;
    state.tabs.forEach(function (t) {
      var selected = t.id === id;
      $('tab-' + t.id).setAttribute('aria-selected', String(selected));
      $('panel-' + t.id).hidden = !selected;
    });
    var panel = $('panel-' + id);
    if (!state.rendered[id]) { state.rendered[id] = true; tab.render(panel, AdminConsole); }
    if (typeof tab.show === 'function') tab.show(panel, AdminConsole);
    if (history.replaceState) history.replaceState(null, '', '#' + id);
  }

  async function signIn(token) {
    state.token = token;
    try {
      state.me = await api('GET', '/api/admin/me');
    } catch (e) {
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      $('sign-in-error').textContent = e.status === 401 ? '令牌无效，请检查后重试。'
        : e.status === 403 ? '该账号不是管理员，不能使用管理后台。' : '登录失败：' + e.message;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in').hidden = true;
    $('console').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = state.me.name + '（' + (ROLE_NAMES[state.me.role] || state.me.role) + '）';
    renderTabBar();
  }

  function signOut(message) {
    state.token = null;
    state.me = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $('console').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
  }

  /** A date-time from the server, shown in Beijing time. */
  function formatTime(iso) {
    if (!iso) return '—';
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  window.AdminConsole = {
    registerTab: registerTab, open: open, api: api, el: el, clear: clear, formatTime: formatTime,
    get me() { return state.me; }
  };

  document.addEventListener('DOMContentLoaded', function () {
    $('sign-in-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = $('token').value.trim();
      if (!token) { $('sign-in-error').textContent = '请输入访问令牌。'; return; }
      signIn(token);
    });
    $('sign-out').addEventListener('click', function () { signOut(''); });
    if (state.token) signIn(state.token);
  });
})();
