/*
 * Idle time-out warning (CJIS: re-authenticate after 30 minutes idle, 12 hours in all).
 *
 * The server enforces the limits; this script only warns. Five minutes before
 * the session would end it asks the server how long is really left (another
 * tab may have been active) and, if the end is near, opens an accessible
 * dialog: "You will be signed out in 5 min — Stay signed in". Staying posts to
 * the keep-alive endpoint. When time runs out it reloads the page, and the
 * server sends the user to the sign-in page and back again afterwards.
 *
 * Work in a form is not lost: the fields of forms marked `data-session-keep`
 * are copied to this tab's sessionStorage when the warning opens (never
 * passwords, files or hidden fields) and put back when the same page is
 * opened again after signing in. Staying signed in or sending the form
 * forgets the copy.
 *
 * Configuration comes from the script element's data attributes (no inline
 * script: the Content-Security-Policy forbids it).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    return;
  }
  var config = script.dataset;
  var WARNING_MS = Number(config.warningSeconds || 300) * 1000;
  var DRAFT_PREFIX = "session-draft:" + window.location.pathname + ":";
  var DRAFT_MAX_AGE_MS = 12 * 60 * 60 * 1000;
  var SKIPPED_TYPES = ["password", "file", "hidden", "submit", "button", "reset", "image"];

  var timer = null;
  var tick = null;
  var deadline = null; // when the session ends, in this browser's clock (ms)
  var endsByLimit = false; // true when the 12-hour limit comes before the idle one
  var dialog = null;

  // --- Talking to the server ------------------------------------------------

  function csrfToken() {
    if (config.csrfToken) {
      return config.csrfToken;
    }
    var wagtailConfig = document.getElementById("wagtail-config");
    if (wagtailConfig) {
      try {
        return JSON.parse(wagtailConfig.textContent).CSRF_TOKEN || "";
      } catch (error) {
        return "";
      }
    }
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function ask(url, method) {
    var headers = { Accept: "application/json" };
    if (method === "POST") {
      headers["X-CSRFToken"] = csrfToken();
    }
    return fetch(url, { method: method, headers: headers, credentials: "same-origin" })
      .then(function (response) {
        return response.json().catch(function () {
          return { signed_in: response.ok };
        });
      })
      .catch(function () {
        return null; // offline: try again at the next check
      });
  }

  // --- Scheduling -----------------------------------------------------------

  function learn(status) {
    var now = Date.now();
    var idleEnd = now + status.idle_remaining * 1000;
    var limitEnd = now + status.absolute_remaining * 1000;
    endsByLimit = limitEnd <= idleEnd;
    deadline = Math.min(idleEnd, limitEnd);
  }

  function schedule() {
    window.clearTimeout(timer);
    var wait = deadline - WARNING_MS - Date.now();
    timer = window.setTimeout(check, Math.max(wait, 1000));
  }

  function check() {
    ask(config.statusUrl, "GET").then(function (status) {
      if (status === null) {
        timer = window.setTimeout(check, 30000);
        return;
      }
      if (!status.signed_in) {
        signedOut();
        return;
      }
      learn(status);
      if (deadline - Date.now() <= WARNING_MS + 1000) {
        warn();
      } else {
        closeDialog();
        schedule();
      }
    });
  }

  function stay() {
    ask(config.keepAliveUrl, "POST").then(function (status) {
      if (status && status.signed_in) {
        forgetDrafts();
        learn(status);
        closeDialog();
        schedule();
      } else if (status && !status.signed_in) {
        signedOut();
      }
    });
  }

  function signedOut() {
    window.clearTimeout(timer);
    window.clearInterval(tick);
    keepDrafts();
    // A plain GET of this page: the server answers with the sign-in page,
    // saying why, and comes back here afterwards.
    window.location.assign(window.location.href);
  }

  // --- The dialog -----------------------------------------------------------

  function remainingText() {
    var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (seconds >= 60) {
      return config.minutes.replace("%(count)s", String(Math.ceil(seconds / 60)));
    }
    return config.seconds.replace("%(count)s", String(seconds));
  }

  function button(label, primary) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = primary
      ? "usa-button button"
      : "usa-button usa-button--outline button button-secondary";
    element.textContent = label;
    return element;
  }

  function buildDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "session-timeout-dialog";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "session-timeout-title");
    dialog.setAttribute("aria-describedby", "session-timeout-message");
    var title = document.createElement("h2");
    title.id = "session-timeout-title";
    title.textContent = config.title;
    var message = document.createElement("p");
    message.id = "session-timeout-message";
    var actions = document.createElement("p");
    var stayButton = button(config.stayLabel, true);
    stayButton.dataset.action = "stay";
    stayButton.addEventListener("click", stay);
    var closeButton = button(config.closeLabel, false);
    closeButton.dataset.action = "close";
    closeButton.addEventListener("click", closeDialog);
    actions.appendChild(stayButton);
    actions.appendChild(closeButton);
    dialog.appendChild(title);
    dialog.appendChild(message);
    dialog.appendChild(actions);
    document.body.appendChild(dialog);
  }

  function updateMessage() {
    var template = endsByLimit ? config.absoluteMessage : config.idleMessage;
    dialog.querySelector("#session-timeout-message").textContent = template.replace(
      "%(time)s",
      remainingText()
    );
    // The 12-hour limit cannot be extended: only "Close" is offered then.
    dialog.querySelector("[data-action=stay]").hidden = endsByLimit;
    if (Date.now() >= deadline) {
      signedOut();
    }
  }

  function warn() {
    if (!dialog) {
      buildDialog();
    }
    keepDrafts();
    updateMessage();
    if (!dialog.open) {
      dialog.showModal();
    }
    window.clearInterval(tick);
    tick = window.setInterval(updateMessage, 1000);
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(deadline - Date.now() - 5000, 1000));
  }

  function closeDialog() {
    window.clearInterval(tick);
    if (dialog && dialog.open) {
      dialog.close();
    }
    if (deadline !== null && deadline - Date.now() <= WARNING_MS + 1000) {
      // Closed without staying: still sign out on time.
      window.clearTimeout(timer);
      timer = window.setTimeout(signedOut, Math.max(deadline - Date.now(), 0));
    }
  }

  // --- Keeping form work ----------------------------------------------------

  function keptForms() {
    return Array.prototype.slice.call(document.querySelectorAll("form[data-session-keep]"));
  }

  function formKey(form, index) {
    return DRAFT_PREFIX + (form.id || String(index));
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return (
        field.name &&
        field.name !== "csrfmiddlewaretoken" &&
        SKIPPED_TYPES.indexOf(field.type) === -1 &&
        !field.disabled
      );
    });
  }

  function keepDrafts() {
    keptForms().forEach(function (form, index) {
      var values = keptFields(form).map(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          return { name: field.name, value: field.value, checked: field.checked };
        }
        if (field.multiple) {
          var chosen = Array.prototype.filter
            .call(field.options, function (option) {
              return option.selected;
            })
            .map(function (option) {
              return option.value;
            });
          return { name: field.name, values: chosen };
        }
        return { name: field.name, value: field.value };
      });
      try {
        window.sessionStorage.setItem(
          formKey(form, index),
          JSON.stringify({ savedAt: Date.now(), fields: values })
        );
      } catch (error) {
        // Storage full or disabled: the warning was still shown.
      }
    });
  }

  function forgetDrafts() {
    keptForms().forEach(function (form, index) {
      window.sessionStorage.removeItem(formKey(form, index));
    });
  }

  function restore(form, draft) {
    var byName = {};
    keptFields(form).forEach(function (field) {
      (byName[field.name] = byName[field.name] || []).push(field);
    });
    draft.fields.forEach(function (saved) {
      (byName[saved.name] || []).forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.value === saved.value) {
            field.checked = saved.checked;
          }
        } else if (field.multiple && saved.values) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = saved.values.indexOf(option.value) !== -1;
          });
        } else if (saved.value !== undefined) {
          field.value = saved.value;
        }
      });
    });
    var notice = document.createElement("p");
    notice.className = "usa-alert__text help-block help-info session-timeout-restored";
    notice.setAttribute("role", "status");
    notice.textContent = config.restoredMessage;
    form.insertBefore(notice, form.firstChild);
  }

  function restoreDrafts() {
    keptForms().forEach(function (form, index) {
      var key = formKey(form, index);
      var stored = window.sessionStorage.getItem(key);
      window.sessionStorage.removeItem(key);
      if (!stored) {
        return;
      }
      try {
        var draft = JSON.parse(stored);
        if (Date.now() - draft.savedAt < DRAFT_MAX_AGE_MS) {
          restore(form, draft);
        }
      } catch (error) {
        // A damaged copy is dropped.
      }
    });
    keptForms().forEach(function (form) {
      form.addEventListener("submit", function () {
        // Sent after the session ended (a sleeping laptop): the server will
        // ask for a sign-in first, so keep a copy to put back afterwards.
        if (deadline !== null && Date.now() >= deadline) {
          keepDrafts();
        }
      });
    });
  }

  // --- Start ----------------------------------------------------------------

  function start() {
    restoreDrafts();
    learn({
      idle_remaining: Number(config.idleSeconds || 1800),
      absolute_remaining: Number(config.idleSeconds || 1800),
    });
    check();
    document.addEventListener("visibilitychange", function () {
      // Timers sleep with the laptop: look again when the page is seen.
      if (document.visibilityState === "visible") {
        check();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
