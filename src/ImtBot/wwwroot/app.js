// The ImtBot console: a small chat workspace over /api/console, with cards rendered by the official
// Adaptive Cards renderer and live updates over server-sent events.
"use strict";

const state = { user: null, users: [], channels: [], channel: "general", unread: {}, stream: null };
const $ = (id) => document.getElementById(id);

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: "Segoe UI, DejaVu Sans, system-ui, sans-serif",
  spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 12 },
  containerStyles: {
    default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" }, accent: { default: "#5b3a8c", subtle: "#6b46c1" }, attention: { default: "#c4314b", subtle: "#c4314b" }, good: { default: "#237b4b", subtle: "#237b4b" }, warning: { default: "#b35900", subtle: "#b35900" } } },
    emphasis: { backgroundColor: "#F5F3F9", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    accent: { backgroundColor: "#EFE9FA", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    attention: { backgroundColor: "#FCEBEE", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    good: { backgroundColor: "#E7F4EC", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    warning: { backgroundColor: "#FFF4E5", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline" }, actionsOrientation: "horizontal", actionAlignment: "left" },
});

// Cards use a small Markdown subset; escape everything first so user text can never become markup.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1<em>$2</em>")
    .replace(/\n/g, "<br>");
  result.didProcess = true;
};

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body?.detail || body || response.statusText);
  return body;
}

const post = (path, body) => api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function start() {
  state.users = await api("/api/console/users");
  const select = $("user");
  select.innerHTML = state.users.map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(u.name)} (@${escapeHtml(u.id)})</option>`).join("");
  const saved = localStorage.getItem("imtbot.user");
  state.user = state.users.some((u) => u.id === saved) ? saved : state.users[0].id;
  select.value = state.user;
  select.addEventListener("change", () => switchUser(select.value));
  $("composer").addEventListener("submit", send);
  window.addEventListener("hashchange", route);
  await switchUser(state.user);
}

async function switchUser(user) {
  state.user = user;
  localStorage.setItem("imtbot.user", user);
  state.unread = {};
  connectStream();
  await loadChannels();
  await route();
}

function connectStream() {
  if (state.stream) state.stream.close();
  state.stream = new EventSource(`/api/console/stream?user=${encodeURIComponent(state.user)}`);
  state.stream.addEventListener("message", (e) => onMessage(JSON.parse(e.data)));
  state.stream.addEventListener("channel", () => loadChannels());
}

async function loadChannels() {
  state.channels = await api(`/api/console/channels?user=${encodeURIComponent(state.user)}`);
  const item = (c) => {
    const classes = ["nav-item", c.id === state.channel && !location.hash.startsWith("#/incidents") ? "active" : "", c.archived ? "archived" : "", c.incident ? "incident-channel" : ""].join(" ");
    const badge = state.unread[c.id] ? `<span class="badge">${state.unread[c.id]}</span>` : "";
    const label = c.kind === "direct" ? "ImtBot" : `# ${escapeHtml(c.name)}`;
    return `<li><a class="${classes}" href="#/c/${encodeURIComponent(c.id)}" data-channel="${escapeHtml(c.id)}">${label}${badge}</a></li>`;
  };
  $("channels").innerHTML = state.channels.filter((c) => c.kind === "channel").map(item).join("");
  $("directs").innerHTML = state.channels.filter((c) => c.kind === "direct").map(item).join("") || `<li class="nav-item archived">no messages yet</li>`;
  const current = state.channels.find((c) => c.id === state.channel);
  if (current) $("channel-topic").textContent = current.topic ?? "";
}

async function route() {
  const hash = location.hash || "#/c/general";
  for (const v of ["chat-view", "incidents-view", "incident-view"]) $(v).classList.add("hidden");
  let m;
  if ((m = hash.match(/^#\/incidents\/(\d+)$/))) {
    $("incident-view").classList.remove("hidden");
    await showIncident(m[1]);
  } else if (hash === "#/incidents") {
    $("incidents-view").classList.remove("hidden");
    await showIncidents();
  } else {
    $("chat-view").classList.remove("hidden");
    state.channel = decodeURIComponent(hash.replace(/^#\/c\//, "")) || "general";
    delete state.unread[state.channel];
    await showChannel();
  }
  await loadChannels();
}

async function showChannel() {
  const channel = state.channels.find((c) => c.id === state.channel);
  $("channel-name").textContent = channel?.kind === "direct" ? "ImtBot (direct messages)" : `# ${channel?.name ?? state.channel}`;
  $("channel-topic").textContent = channel?.topic ?? "";
  const messages = await api(`/api/console/channels/${encodeURIComponent(state.channel)}/messages?user=${encodeURIComponent(state.user)}`);
  const list = $("messages");
  list.innerHTML = "";
  for (const message of messages) list.appendChild(renderMessage(message));
  list.scrollTop = list.scrollHeight;
}

function onMessage(message) {
  if (message.channel === state.channel && !$("chat-view").classList.contains("hidden")) {
    const list = $("messages");
    const existing = list.querySelector(`[data-id="${message.id}"]`);
    const element = renderMessage(message);
    if (existing) existing.replaceWith(element);
    else { list.appendChild(element); list.scrollTop = list.scrollHeight; }
  } else if (message.user !== state.user) {
    state.unread[message.channel] = (state.unread[message.channel] || 0) + 1;
    loadChannels();
  }
}

function renderMessage(message) {
  const element = document.createElement("div");
  element.className = "message" + (message.ephemeral ? " ephemeral" : "");
  element.dataset.id = message.id;
  const isBot = message.user === "imtbot";
  const colour = isBot ? "" : `style="background:hsl(${[...message.user].reduce((a, c) => a + c.charCodeAt(0), 0) * 47 % 360},45%,45%)"`;
  const time = new Date(message.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const text = message.text.length > 700
    ? `<details><summary>${escapeHtml(message.text.split("\n")[0])}</summary>${escapeHtml(message.text)}</details>`
    : escapeHtml(message.text);
  element.innerHTML = `
    <div class="avatar ${isBot ? "bot" : ""}" ${colour}>${isBot ? "⚡" : escapeHtml(message.userName[0] ?? "?")}</div>
    <div class="body">
      <div class="meta"><span class="name">${escapeHtml(message.userName)}</span><span class="time">${time}</span>${message.ephemeral ? '<span class="flag">only visible to you</span>' : ""}${message.pinned ? '<span class="flag">📌 pinned</span>' : ""}${message.edited ? '<span class="flag">(edited)</span>' : ""}</div>
      ${message.card ? "" : `<div class="text">${text}</div>`}
    </div>`;
  if (message.card) element.querySelector(".body").appendChild(renderCard(message));
  return element;
}

function renderCard(message) {
  const holder = document.createElement("div");
  holder.className = "card";
  try {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => clickAction(message, action);
    card.parse(message.card);
    holder.appendChild(card.render());
  } catch (e) {
    holder.textContent = message.text;
  }
  return holder;
}

async function clickAction(message, action) {
  if (action instanceof AdaptiveCards.OpenUrlAction) { window.open(action.url, "_blank", "noopener"); return; }
  const data = action.data ?? {};
  if (!data.command) return;
  try {
    const result = await post("/api/console/actions", { user: state.user, messageId: message.id, data });
    if (message.channel !== state.channel) await showChannel();
    return result;
  } catch (e) {
    alert(e.message);
  }
}

async function send(event) {
  event.preventDefault();
  const input = $("composer-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  try {
    await post("/api/console/messages", { user: state.user, channel: state.channel, text });
  } catch (e) {
    alert(e.message);
  }
}

async function showIncidents() {
  const incidents = await api("/api/incidents");
  $("incident-table").querySelector("tbody").innerHTML = incidents.map((i) => `
    <tr data-number="${i.number}" onclick="location.hash='#/incidents/${i.number}'">
      <td>${escapeHtml(i.key)}${i.kind === "Drill" ? " (drill)" : ""}</td><td>${escapeHtml(i.title)}</td>
      <td><span class="sev sev-${i.severity}">SEV${i.severity}</span></td><td>${escapeHtml(i.state)}</td>
      <td>${new Date(i.declaredAt).toLocaleString()}</td></tr>`).join("") || `<tr><td colspan="5">No incidents yet.</td></tr>`;
}

async function showIncident(number) {
  const [incident, timeline, audit, review] = await Promise.all([
    api(`/api/incidents/${number}`), api(`/api/incidents/${number}/timeline`), api(`/api/incidents/${number}/audit`), api(`/api/incidents/${number}/review.md`),
  ]);
  $("incident-title").textContent = `${incident.key} ${incident.title}`;
  $("incident-meta").innerHTML = `<span class="sev sev-${incident.severity}">SEV${incident.severity}</span> ${escapeHtml(incident.state)} · ${escapeHtml(incident.kind)} · declared ${new Date(incident.declaredAt).toLocaleString()}`;
  $("incident-roles").innerHTML = incident.roles.map((r) => `<li><strong>${escapeHtml(r.role)}</strong>: ${r.holder ? escapeHtml(r.holder.name) : "<em>vacant</em>"}</li>`).join("");
  $("incident-audit").innerHTML = audit.valid
    ? `<span class="ok">✔ chain valid</span> · ${audit.events} events · head <code>${escapeHtml(audit.head.slice(0, 16))}…</code>`
    : `<span class="bad">✘ chain broken at ${audit.brokenAt}</span> ${escapeHtml(audit.problem ?? "")}`;
  $("incident-timeline").innerHTML = timeline.map((e) => `<li><code>${new Date(e.at).toISOString().replace("T", " ").slice(0, 19)}Z</code> ${escapeHtml(e.text ?? `${e.actor.name} · ${e.type}`)}</li>`).join("");
  $("incident-review").textContent = review;
  $("review-download").href = `/api/incidents/${number}/review.md`;
  $("review-download").download = `${incident.key}-review.md`;
}

start().catch((e) => { document.body.textContent = "The console could not start: " + e.message; });
