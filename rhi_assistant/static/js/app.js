// Progressive enhancement only: every page works without this file.
import { ExitThisPage, initAll } from "/static/build/govuk-frontend.min.js";

// The young people's help pages (the only ones with "Exit this page") leave no trace
// behind them: someone who takes the phone and presses Back must not find a help page,
// let alone the half-typed message.
const helpPages = document.querySelector(".govuk-exit-this-page") !== null;

const clearForms = () => {
  document.querySelectorAll("form").forEach((form) => {
    form.reset();
    [...form.elements].forEach((el) => {
      if (el.name === "csrf_token") return;
      if (el.type === "radio" || el.type === "checkbox") el.checked = false;
      else if (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" &&
               !["hidden", "submit", "button", "reset"].includes(el.type))) el.value = "";
    });
  });
};

// The component sets location.href, which keeps the help page in the history: replace it.
ExitThisPage.prototype.exitPage = function exitPage() {
  clearForms();
  document.body.classList.add("govuk-exit-this-page-hide-content");
  window.location.replace(this.$button.href);
};

if (helpPages) {
  // Back or Forward to a help page shows an empty form, whether the browser kept the page
  // in its back-forward cache or filled the fields in again from its history.
  window.addEventListener("pageshow", (event) => {
    const nav = performance.getEntriesByType("navigation")[0];
    if (event.persisted || nav?.type === "back_forward") clearForms();
  });
  // Moving between help pages replaces the entry too, so Back leaves the help pages at once.
  document.querySelectorAll('a[href^="/help"]').forEach((link) => {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      window.location.replace(link.href);
    });
  });
}

initAll();

const csrfToken = () => document.querySelector('input[name="csrf_token"]')?.value || "";

// Autosave: notes are saved while they are typed, so a dropped connection,
// a timeout or a closed tab loses no word. Suggestions refresh with each save.
function setUpAutosave(textarea) {
  const url = textarea.dataset.autosaveUrl;
  const status = document.getElementById("autosave-status");
  const panel = document.getElementById("suggestions");
  const draftKey = `rhi-draft:${url}`;
  let timer = null;
  let lastSent = textarea.value;

  const save = async () => {
    if (textarea.value === lastSent) return;
    const value = textarea.value;
    const body = new FormData();
    body.append("notes", value);
    try {
      const res = await fetch(url, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
        credentials: "same-origin",
      });
      if (res.status === 401) {
        if (status) status.textContent = "You were signed out. Your notes were saved. Sign in to carry on.";
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const data = await res.json();
      lastSent = value;
      sessionStorage.removeItem(draftKey);
      if (status) status.textContent = "Saved";
      if (panel && data.suggestions_html) panel.innerHTML = data.suggestions_html;
    } catch (err) {
      // Offline or server unreachable: keep a copy on this device until it can be sent.
      sessionStorage.setItem(draftKey, value);
      if (status) status.textContent = "Not saved yet: no connection. Your words are kept on this tablet.";
    }
  };

  const saved = sessionStorage.getItem(draftKey);
  if (saved && saved !== textarea.value) {
    textarea.value = saved;
    lastSent = null;
    save();
  }
  textarea.addEventListener("input", () => {
    if (status) status.textContent = "Saving…";
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  });
  textarea.addEventListener("blur", save);
  window.addEventListener("online", save);
}

document.querySelectorAll("textarea[data-autosave-url]").forEach(setUpAutosave);

// Kept words: in every other form with a text box, what is typed is kept in this tab
// (sessionStorage) until the form is saved, so a dropped connection or a failed send loses
// nothing. The server names the form just saved; its copy is forgotten. The page has no
// config element on the young people's pages, which must leave no trace on the device.
const isTextBox = (el) =>
  el.name && !el.dataset.autosaveUrl && el.name !== "csrf_token" &&
  !/password|search/i.test(el.name) &&
  (el.tagName === "TEXTAREA" || ["text", "email", "tel", "url", "number"].includes(el.type));

function setUpKeptWords(config) {
  const savedForm = config.dataset.savedForm;
  if (savedForm) {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key && key.startsWith(`rhi-kept:${savedForm}|`)) sessionStorage.removeItem(key);
    }
  }
  document.querySelectorAll("form").forEach((form) => {
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") return;
    const boxes = [...form.elements].filter(isTextBox);
    if (!boxes.length) return;
    const action = new URL(form.getAttribute("action") || window.location.href,
                           window.location.href).pathname;
    let restored = false;
    boxes.forEach((box) => {
      const key = `rhi-kept:${action}|${box.name}`;
      let kept = null;
      try {
        kept = JSON.parse(sessionStorage.getItem(key) || "null");
      } catch (err) {
        kept = null;
      }
      // Put the words back only if the page has nothing newer than what they were typed over.
      let base = box.value;
      if (kept && kept.base === box.value && kept.value !== box.value) {
        box.value = kept.value;
        base = kept.base;
        restored = true;
      }
      box.addEventListener("input", () => {
        sessionStorage.setItem(key, JSON.stringify({ base, value: box.value }));
      });
    });
    const note = document.createElement("p");
    note.className = restored ? "govuk-inset-text app-kept-words" : "govuk-body-s app-kept-words";
    note.setAttribute("role", "status");
    note.textContent = restored ? config.dataset.restoredNote : config.dataset.keptNote;
    form.prepend(note);
  });
}

const keptConfig = document.getElementById("kept-words-config");
if (keptConfig) setUpKeptWords(keptConfig);

// Idle timeout: warn before signing out, offer "stay signed in".
const cfg = document.getElementById("session-config");
if (cfg) {
  const warning = document.getElementById("timeout-warning");
  const stay = document.getElementById("timeout-stay");
  const warnAt = Number(cfg.dataset.sessionWarning);
  let shownFor = false;

  const check = async () => {
    try {
      const res = await fetch(cfg.dataset.sessionUrl, { credentials: "same-origin" });
      const data = await res.json();
      if (!data.signed_in) {
        if (cfg.dataset.gentle === "true") {
          // A child may be looking at this page: never let it vanish without a word.
          showSignedOut();
          return;
        }
        hideTheRecord();
        window.location.href = cfg.dataset.signinUrl;
        return;
      }
      if (data.seconds_left < 15) {
        // Signed out between two checks: look again the moment the session ends, so the
        // page is hidden then and not up to 15 seconds later.
        clearTimeout(lastCheck);
        lastCheck = setTimeout(check, (data.seconds_left + 1) * 1000);
      }
      if (data.seconds_left <= warnAt && !shownFor) {
        shownFor = true;
        warning.hidden = false;
        stay.focus();
      }
    } catch (err) {
      /* offline: try again on the next tick */
    }
  };
  let lastCheck = null;
  // Nothing of the record stays on screen once signed out: notes, names and suggestions
  // are hidden at once, leaving only the sign-in prompt. Unsaved notes are kept in this
  // tab first (the autosave puts them back after signing in), so no word is lost.
  const hideTheRecord = () => {
    document.querySelectorAll("textarea[data-autosave-url]").forEach((box) => {
      if (box.value) sessionStorage.setItem(`rhi-draft:${box.dataset.autosaveUrl}`, box.value);
    });
    [...document.body.children].forEach((el) => {
      if (el === warning || el.tagName === "SCRIPT") return;
      el.hidden = true;
      el.setAttribute("inert", "");
      el.style.setProperty("display", "none", "important");
    });
    document.title = cfg.dataset.signedOutTitle || document.title;
    // The prompt becomes the page: its own main landmark and level-one heading.
    const heading = document.getElementById("timeout-heading");
    if (heading && cfg.dataset.signedOutHeading) {
      const h1 = document.createElement("h1");
      h1.className = "govuk-heading-l";
      h1.id = heading.id;
      h1.textContent = cfg.dataset.signedOutHeading;
      heading.replaceWith(h1);
    }
    if (warning && !warning.closest("main")) {
      const main = document.createElement("main");
      main.className = "govuk-main-wrapper";
      warning.replaceWith(main);
      main.append(warning);
    }
  };
  const showSignedOut = () => {
    const out = document.getElementById("timeout-signed-out");
    if (!warning || !out || !out.hidden) return;
    hideTheRecord();
    warning.hidden = false;
    stay.hidden = true;
    document.getElementById("timeout-text").hidden = true;
    out.hidden = false;
    document.getElementById("timeout-sign-in")?.focus();
  };
  stay?.addEventListener("click", async () => {
    await fetch(cfg.dataset.extendUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      credentials: "same-origin",
    });
    warning.hidden = true;
    shownFor = false;
  });
  setInterval(check, 15000);
}

// Read-aloud: the browser's own speech, on this device; nothing is sent anywhere.
// The button exists only where the browser can speak, so no dead control is shown.
function setUpReadAloud(el) {
  const synth = window.speechSynthesis;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary app-read-aloud";
  button.textContent = el.dataset.readAloudLabel || "Read aloud";
  const stop = () => {
    synth.cancel();
    button.textContent = el.dataset.readAloudLabel;
  };
  button.addEventListener("click", () => {
    if (synth.speaking) {
      stop();
      return;
    }
    const words = new SpeechSynthesisUtterance(el.dataset.readAloud || el.textContent);
    words.lang = el.lang || document.documentElement.lang || "en";
    words.rate = 0.9;
    words.onend = stop;
    words.onerror = stop;
    synth.speak(words);
    button.textContent = el.dataset.readAloudStop || "Stop";
  });
  el.insertAdjacentElement("afterend", button);
}

if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  document.querySelectorAll("[data-read-aloud]").forEach(setUpReadAloud);
}
