// The widget's styles, inside its shadow root (the page's CSS cannot reach them, nor they the page). Colours come
// from the agent's widget settings as custom properties on .widget.
export const css = `
:host{all:initial;display:block;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px;line-height:1.4}
*{box-sizing:border-box}
.widget{color:var(--fg);font:inherit}
.floating{position:fixed;z-index:2147483000;max-width:calc(100vw - 24px)}
.floating.bottom-right{right:12px;bottom:12px}.floating.bottom-left{left:12px;bottom:12px}.floating.bottom{left:50%;bottom:12px;transform:translateX(-50%)}
.floating.top-right{right:12px;top:12px}.floating.top-left{left:12px;top:12px}.floating.top{left:50%;top:12px;transform:translateX(-50%)}
.page{height:100%;display:flex}
.page .panel{width:100%;max-width:none;height:100%;min-height:420px}
.launcher,.panel{background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 4px 24px rgba(0,0,0,.12)}
.launcher{display:flex;align-items:center;gap:10px;padding:10px 12px;flex-wrap:wrap}
.launcher .label{font-weight:600}
.compact .launcher .label,.tiny .launcher .label,.tiny .launcher .secondary{display:none}
.panel{display:flex;flex-direction:column;gap:10px;padding:14px;width:380px;max-width:100%;max-height:min(640px,calc(100vh - 24px))}
.header{display:flex;align-items:center;gap:10px}
.title{display:flex;flex-direction:column;flex:1;min-width:0}
.status{font-size:13px;opacity:.75;min-height:1em}
.avatar{width:40px;height:40px;border-radius:50%;flex:none;object-fit:cover}
.orb{background:radial-gradient(circle at 30% 30%,var(--c2),var(--c1));box-shadow:inset 0 0 8px rgba(255,255,255,.4)}
button{font:inherit;cursor:pointer;border-radius:var(--btn-radius);padding:8px 14px;border:1px solid var(--btn)}
button:disabled{opacity:.5;cursor:default}
button:focus-visible,input:focus-visible,a:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.primary{background:var(--btn);color:var(--btn-fg)}
.secondary{background:transparent;color:var(--fg);border-color:var(--border)}
.danger{background:#c62828;border-color:#c62828;color:#fff}
.icon{background:transparent;border:none;color:var(--fg);font-size:22px;line-height:1;padding:4px 8px}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.log{flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:6px;min-height:60px}
.msg{margin:0;padding:8px 12px;border-radius:14px;max-width:85%;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.agent{align-self:flex-start;background:rgba(127,127,127,.14)}
.msg.user{align-self:flex-end;background:var(--btn);color:var(--btn-fg)}
.input{display:flex;gap:8px}
.input input{flex:1;min-width:0;font:inherit;padding:8px 12px;border:1px solid var(--border);border-radius:var(--btn-radius);background:var(--bg);color:var(--fg)}
.terms{display:flex;flex-direction:column;gap:10px}
.terms-text{max-height:300px;overflow-y:auto}.terms-text p{margin:0 0 8px}.terms-text a{color:inherit}
.feedback{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.error{color:#c62828;margin:0}
.muted,.ended{opacity:.7;margin:0;font-size:13px}
.banner{margin:0;font-size:11px;opacity:.55;text-align:center}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.floating .panel{width:calc(100vw - 24px)}}
`;
