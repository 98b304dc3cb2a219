/* The Hit testing tab: how a question is analysed, which clauses it finds and whether it would be answered. */
(function () {
  'use strict';

  function render(panel, admin) {
    panel.appendChild(admin.el('h2', { text: '命中测试' }));
  }

  AdminConsole.registerTab({ id: 'hittest', title: '命中测试', order: 20, render: render });
})();
