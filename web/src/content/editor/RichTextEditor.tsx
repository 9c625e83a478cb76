import { Editor } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import {
  createEffect,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  onMount,
  Show,
  type JSX,
} from 'solid-js';

import '../../styles/editor.css';
import type { MessageKey } from '../../i18n/create-i18n.ts';
import { MediaPicker, type PickedMedia } from '../../media/MediaPicker.tsx';
import { useApp } from '../../stores/app-context.tsx';
import { ImageDetailsDialog } from './ImageDetailsDialog.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon.tsx';

export type RichTextEditorProps = {
  label: string;
  /** The HTML the editor starts with. Later changes are ignored: remount to load other text. */
  initialHtml: string;
  /** Called with the new HTML after each change, or '' when the text is empty. */
  onChange: (html: string) => void;
  /** The portal whose media library the image button opens. */
  tenantId: string;
  hint?: string;
  isReadOnly?: boolean;
  /** Whether the toolbar offers pictures; a unit's submission carries no media, so it does not. */
  canInsertImages?: boolean;
  lang?: 'vi' | 'en';
};

type ToolbarButton = {
  label: MessageKey;
  /** Text or an icon; the label is the button's name either way. */
  glyph: string | ToolbarIconName;
  isIcon?: boolean;
  /** For `aria-keyshortcuts`, in its notation. */
  shortcut?: string;
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  isGroupEnd?: boolean;
};

/**
 * Edits an item's body with TipTap's core, the starter kit and images. The toolbar follows the
 * ARIA toolbar pattern: one Tab stop, and arrow keys move between the buttons. The HTML goes to
 * the server as it is, because the server sanitises it against the portal's policy.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { i18n } = useApp();
  const labelId = createUniqueId();
  const hintId = createUniqueId();
  const contentId = createUniqueId();
  let mount: HTMLDivElement | undefined;
  let editor: Editor | undefined;
  const buttonRefs: HTMLButtonElement[] = [];
  // Bumped on every transaction, so the toolbar's pressed and enabled states are re-read.
  const [revision, setRevision] = createSignal(0);
  const [focusIndex, setFocusIndex] = createSignal(0);
  const [linkDialog, setLinkDialog] = createSignal<{ href?: string; hasSelection: boolean }>();
  const [isPickerOpen, setPickerOpen] = createSignal(false);
  const [pickedImage, setPickedImage] = createSignal<PickedMedia>();

  const openLinkDialog = (current: Editor) => {
    const href = current.getAttributes('link').href as string | undefined;
    setLinkDialog({ href, hasSelection: !current.state.selection.empty });
  };

  const buttons: ToolbarButton[] = [
    {
      label: 'editor.toolbar.heading2',
      glyph: 'H2',
      isActive: (current) => current.isActive('heading', { level: 2 }),
      run: (current) => current.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'editor.toolbar.heading3',
      glyph: 'H3',
      isActive: (current) => current.isActive('heading', { level: 3 }),
      run: (current) => current.chain().focus().toggleHeading({ level: 3 }).run(),
      isGroupEnd: true,
    },
    {
      label: 'editor.toolbar.bold',
      glyph: 'B',
      shortcut: 'Control+B',
      isActive: (current) => current.isActive('bold'),
      run: (current) => current.chain().focus().toggleBold().run(),
    },
    {
      label: 'editor.toolbar.italic',
      glyph: 'I',
      shortcut: 'Control+I',
      isActive: (current) => current.isActive('italic'),
      run: (current) => current.chain().focus().toggleItalic().run(),
      isGroupEnd: true,
    },
    {
      label: 'editor.toolbar.bulletList',
      glyph: 'bulletList',
      isIcon: true,
      isActive: (current) => current.isActive('bulletList'),
      run: (current) => current.chain().focus().toggleBulletList().run(),
    },
    {
      label: 'editor.toolbar.orderedList',
      glyph: 'orderedList',
      isIcon: true,
      isActive: (current) => current.isActive('orderedList'),
      run: (current) => current.chain().focus().toggleOrderedList().run(),
    },
    {
      label: 'editor.toolbar.blockquote',
      glyph: 'blockquote',
      isIcon: true,
      isActive: (current) => current.isActive('blockquote'),
      run: (current) => current.chain().focus().toggleBlockquote().run(),
      isGroupEnd: true,
    },
    {
      label: 'editor.toolbar.link',
      glyph: 'link',
      isIcon: true,
      shortcut: 'Control+K',
      isActive: (current) => current.isActive('link'),
      run: openLinkDialog,
    },
    ...(props.canInsertImages === false
      ? []
      : [
          {
            label: 'editor.toolbar.image',
            glyph: 'image',
            isIcon: true,
            run: () => setPickerOpen(true),
          } satisfies ToolbarButton,
        ]),
    {
      label: 'editor.toolbar.undo',
      glyph: 'undo',
      isIcon: true,
      shortcut: 'Control+Z',
      isEnabled: (current) => current.can().undo(),
      run: (current) => current.chain().focus().undo().run(),
    },
    {
      label: 'editor.toolbar.redo',
      glyph: 'redo',
      isIcon: true,
      shortcut: 'Control+Shift+Z',
      isEnabled: (current) => current.can().redo(),
      run: (current) => current.chain().focus().redo().run(),
    },
  ];
  // The last button that inserts something, link or image, closes its group before undo.
  buttons[buttons.length - 3]!.isGroupEnd = true;

  // Read by the editable area's attributes, which ProseMirror recomputes on every update.
  let isEditable = props.isReadOnly !== true;

  onMount(() => {
    editor = new Editor({
      element: mount!,
      extensions: [
        StarterKit.configure({
          // The page title is the h1, and the default rich-text policy allows h2 to h4 only.
          heading: { levels: [2, 3, 4] },
          code: false,
          codeBlock: false,
          strike: false,
          underline: false,
          link: {
            openOnClick: false,
            defaultProtocol: 'https',
            HTMLAttributes: { target: null, rel: null },
          },
        }),
        Image,
      ],
      content: props.initialHtml,
      editable: isEditable,
      // The admin's CSP allows no inline <style>; the editor's styles are in editor.css.
      injectCSS: false,
      editorProps: {
        attributes: () => ({
          id: contentId,
          class: 'rich-text__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-readonly': isEditable ? 'false' : 'true',
          // TipTap 3's tabindex extension sets tabindex 0 only while the editor is editable. A
          // read-only box still scrolls, and a keyboard can scroll it only as a Tab stop.
          ...(isEditable ? {} : { tabindex: '0' }),
          ...(props.hint ? { 'aria-describedby': hintId } : {}),
          ...(props.lang ? { lang: props.lang } : {}),
        }),
        handleKeyDown: (_view, event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editor) {
            event.preventDefault();
            openLinkDialog(editor);
            return true;
          }
          return false;
        },
      },
      onUpdate: ({ editor: changed }) => props.onChange(changed.isEmpty ? '' : changed.getHTML()),
      onTransaction: () => setRevision((count) => count + 1),
    });
    setRevision((count) => count + 1);
  });

  createEffect(() => {
    isEditable = props.isReadOnly !== true;
    revision();
    if (editor && editor.isEditable !== isEditable) {
      editor.setEditable(isEditable);
    }
  });

  onCleanup(() => editor?.destroy());

  const stateOf = (button: ToolbarButton) => {
    revision();
    const current = editor;
    return {
      isActive: current && button.isActive ? button.isActive(current) : undefined,
      isEnabled: current ? (button.isEnabled?.(current) ?? true) : false,
    };
  };

  // Only toggles have a pressed state; the link button counts as one while a link is selected.
  const pressedOf = (button: ToolbarButton) => {
    if (!button.isActive) {
      return undefined;
    }
    return stateOf(button).isActive ? 'true' : 'false';
  };

  const press = (button: ToolbarButton) => {
    if (editor && stateOf(button).isEnabled) {
      button.run(editor);
    }
  };

  const moveFocus = (event: KeyboardEvent) => {
    const last = buttons.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex() >= last ? 0 : focusIndex() + 1,
      ArrowLeft: focusIndex() <= 0 ? last : focusIndex() - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    setFocusIndex(next);
    buttonRefs[next]?.focus();
  };

  const insertImage = (alt: string) => {
    const image = pickedImage();
    setPickedImage(undefined);
    if (image) {
      editor?.chain().focus().setImage({ src: image.url, alt }).run();
    }
  };

  const applyLink = (href: string, text: string | undefined) => {
    setLinkDialog(undefined);
    const chain = editor?.chain().focus();
    if (text) {
      chain
        ?.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
        .run();
      return;
    }
    chain?.extendMarkRange('link').setLink({ href }).run();
  };

  const glyphOf = (button: ToolbarButton): JSX.Element =>
    button.isIcon ? (
      <ToolbarIcon name={button.glyph as ToolbarIconName} />
    ) : (
      <span class="rich-text__glyph" aria-hidden="true">
        {button.glyph}
      </span>
    );

  return (
    <div class="field rich-text" classList={{ 'rich-text--read-only': props.isReadOnly === true }}>
      <span id={labelId} class="field__label">
        {props.label}
      </span>
      <Show when={props.hint}>
        <p id={hintId} class="field__hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.isReadOnly !== true}>
        <div
          class="rich-text__toolbar"
          role="toolbar"
          aria-label={i18n.t('editor.toolbar.label', { field: props.label })}
          aria-controls={contentId}
          onKeyDown={moveFocus}
        >
          <For each={buttons}>
            {(button, index) => (
              <>
                <button
                  ref={(element) => (buttonRefs[index()] = element)}
                  type="button"
                  class="rich-text__button"
                  classList={{ 'rich-text__button--bold': button.glyph === 'B' }}
                  tabIndex={index() === focusIndex() ? 0 : -1}
                  aria-label={i18n.t(button.label)}
                  title={i18n.t(button.label)}
                  aria-pressed={pressedOf(button)}
                  aria-disabled={stateOf(button).isEnabled ? undefined : 'true'}
                  aria-keyshortcuts={button.shortcut}
                  onFocus={() => setFocusIndex(index())}
                  // Keeps the text selection: a click would otherwise move focus out first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => press(button)}
                >
                  {glyphOf(button)}
                </button>
                <Show when={button.isGroupEnd}>
                  <span class="rich-text__divider" aria-hidden="true" />
                </Show>
              </>
            )}
          </For>
        </div>
      </Show>
      <div ref={mount} class="rich-text__area" />
      <Show when={linkDialog()}>
        {(dialog) => (
          <LinkDialog
            currentHref={dialog().href}
            hasSelection={dialog().hasSelection}
            onApply={applyLink}
            onRemove={() => {
              setLinkDialog(undefined);
              editor?.chain().focus().extendMarkRange('link').unsetLink().run();
            }}
            onClose={() => setLinkDialog(undefined)}
          />
        )}
      </Show>
      <Show when={isPickerOpen()}>
        <MediaPicker
          tenantId={props.tenantId}
          accept="image"
          onPick={(picked) => {
            setPickerOpen(false);
            setPickedImage(picked[0]);
          }}
          onClose={() => setPickerOpen(false)}
        />
      </Show>
      <Show when={pickedImage()}>
        {(image) => (
          <ImageDetailsDialog
            media={image()}
            onInsert={insertImage}
            onClose={() => setPickedImage(undefined)}
          />
        )}
      </Show>
    </div>
  );
}
