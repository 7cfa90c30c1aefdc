import { MODELS, type SparkModel } from '@xinghuo/browser';
import { useCallback, useMemo, useState } from 'react';
import { BudgetBar } from './components/budget-bar';
import { Composer } from './components/composer';
import { ConversationList } from './components/conversation-list';
import { FrameInspector } from './components/frame-inspector';
import { FunctionsPanel } from './components/functions-panel';
import { HeaderBar } from './components/header-bar';
import { MessageList } from './components/message-list';
import { MockFaultPanel } from './components/mock-fault-panel';
import { ModelPicker } from './components/model-picker';
import { ProtocolSwitch } from './components/protocol-switch';
import { SettingsPanel } from './components/settings-panel';
import { useChat } from './hooks/use-chat';
import { useConversations } from './hooks/use-conversations';
import { usePlaygroundConfig } from './hooks/use-playground-config';
import { useI18n } from './i18n/i18n-context';
import { buildHistory } from './lib/build-history';
import { parseFunctions } from './lib/parse-functions';
import { planBudget } from './lib/plan-budget';
import { createPlaygroundClient } from './lib/playground-client';
import type { PlaygroundSettings, RecordedExchange } from './types';

/** The playground page: conversation on the left (top on phones), settings and inspector beside it. */
export function App() {
  const { t } = useI18n();
  const configState = usePlaygroundConfig();
  const config = configState.status === 'ready' ? configState.config : undefined;
  const { settings, setSettings, conversations, active, select, startNew, remove, updateTurns } =
    useConversations();
  const { turns } = active;
  const [draft, setDraft] = useState('');
  const [exchange, setExchange] = useState<RecordedExchange | undefined>(undefined);

  const { protocol } = settings;
  // The models with an endpoint for the chosen protocol (x2.5, say, is served over HTTP only).
  const models = useMemo<readonly SparkModel[]>(
    () =>
      MODELS.filter(
        (model) =>
          (!config || config.models.includes(model.id)) && (protocol === 'http' ? model.http : model.url),
      ),
    [config, protocol],
  );
  const model = models.find((candidate) => candidate.id === settings.model) ?? models[0];
  const client = useMemo(
    () => (config ? createPlaygroundClient(config, setExchange, { protocol }) : undefined),
    [config, protocol],
  );
  const { busy, send, stop } = useChat({
    client,
    model,
    settings,
    conversationId: active.id,
    turns,
    updateTurns,
  });

  const changeSettings = useCallback(
    (patch: Partial<PlaygroundSettings>) => setSettings((current) => ({ ...current, ...patch })),
    [setSettings],
  );
  const selectModel = (id: string) => {
    const next = models.find((candidate) => candidate.id === id);
    // Keep max tokens valid for the new model's output limit.
    if (next) changeSettings({ model: id, maxTokens: Math.min(settings.maxTokens, next.maxOutputTokens) });
  };

  const plan = useMemo(
    () =>
      model
        ? planBudget(buildHistory(turns, settings.systemPrompt, draft), model, settings.maxTokens)
        : undefined,
    [turns, settings.systemPrompt, settings.maxTokens, draft, model],
  );
  const functionsError =
    settings.functionsEnabled && !parseFunctions(settings.functionsJson).ok ? t.fixFunctions : undefined;
  const blockedReason = !client ? t.connecting : functionsError;

  const sendDraft = () => {
    const question = draft.trim();
    if (!question) return;
    setDraft('');
    void send(question);
  };
  // Leaving a conversation stops its answer; the partial text stays in it, marked stopped.
  const newChat = () => {
    stop();
    startNew();
    setExchange(undefined);
  };
  const openConversation = (id: string) => {
    if (id === active.id) return;
    stop();
    select(id);
    setExchange(undefined);
  };

  return (
    <div className="app">
      <HeaderBar config={config} onNewChat={newChat} />
      {configState.status === 'failed' && (
        <p className="banner-error" role="alert">
          {t.serverUnreachable(configState.message)}
        </p>
      )}
      <main className="layout">
        <section className="chat" aria-label={t.conversationRegion}>
          <MessageList turns={turns} droppedTurnIds={plan?.droppedTurnIds ?? new Set()} />
          {plan && <BudgetBar plan={plan} />}
          <Composer
            draft={draft}
            onDraftChange={setDraft}
            onSend={sendDraft}
            onStop={stop}
            busy={busy}
            blockedReason={blockedReason}
          />
        </section>
        <aside className="sidebar" aria-label={t.settingsRegion}>
          <ConversationList
            conversations={conversations}
            activeId={active.id}
            onSelect={openConversation}
            onDelete={(id) => {
              if (id === active.id) stop();
              remove(id);
            }}
          />
          <ProtocolSwitch
            protocol={protocol}
            onChange={(next) => {
              // The inspector showed the other protocol's wire; an answer in flight keeps its own.
              setExchange(undefined);
              changeSettings({ protocol: next });
            }}
          />
          <ModelPicker models={models} selected={model} onSelect={selectModel} />
          <SettingsPanel settings={settings} model={model} onChange={changeSettings} />
          <FunctionsPanel settings={settings} onChange={changeSettings} />
          {config?.mode === 'mock' && config.mockFaults && <MockFaultPanel faults={config.mockFaults} />}
          <FrameInspector exchange={exchange} />
        </aside>
      </main>
    </div>
  );
}
