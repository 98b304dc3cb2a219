/*
 * The admin console shell (/admin): the tab bar and the helpers the tabs share; sign-in is the staff pages' shared
 * staff-signin.js. Plain JavaScript with no dependencies; server text goes into the page with textContent.
 *
 * Adding a tab: write admin-NAME.js that calls
 *   AdminConsole.registerTab({ id: 'name', title: '标题', order: 30, render: function (panel, console) { ... }, show: function () { ... } });
 * and add one line `<script src="/admin/admin-NAME.js" defer></script>` to admin.html. `render` runs once, the first time the
 * tab opens, with its empty <section> and this object; `show` (optional) runs every time the tab opens. Every file under
 * Staff/Admin/Assets is embedded and served at /admin/FILE.
 */
(function () {
  'use strict';

  var el = StaffSignIn.el, clear = StaffSignIn.clear;

  function $(id) { return document.getElementById(id); }

  var state = { tabs: [], rendered: {}, active: null };

  var session = StaffSignIn.start({
    tokenKey: 'servicebot.admin.token', meUrl: '/api/admin/me', panel: 'console',
    forbidden: '该账号不是管理员，不能使用管理后台。',
    onSignedIn: renderTabBar
  });

  /** Sends a request with the admin's token; JSON in, JSON out. A FormData body goes as multipart. Throws a Problem on failure. */
  function api(method, path, body) { return session.api(method, path, body); }

  function registerTab(tab) {
    if (!tab || !tab.id || !tab.title || typeof tab.render !== 'function') throw new Error('registerTab needs {id, title, render}');
    state.tabs.push(tab);
    state.tabs.sort(function (a, b) { return (a.order || 100) - (b.order || 100); });
    if (session.me) renderTabBar();
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

  /** A date-time from the server, shown in Beijing time. */
  function formatTime(iso) {
    if (!iso) return '—';
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  window.AdminConsole = {
    registerTab: registerTab, open: open, api: api, el: el, clear: clear, formatTime: formatTime,
    get me() { return session.me; }
  };
})();
