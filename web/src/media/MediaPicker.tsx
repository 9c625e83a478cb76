/** A file chosen in the picker, as the content editor stores and shows it. */
export type PickedMedia = {
  id: string;
  fileName: string;
  contentType: string;
  /** The public address on the portal's own host, `/media/<id>/<file-name>`. */
  url: string;
  altVi: string | null;
  width: number | null;
  height: number | null;
};

export type MediaPickerProps = {
  /** The portal whose library is shown; files of other portals are never offered. */
  tenantId: string;
  /** `image` offers only images, for the body's pictures and galleries. */
  accept: 'image' | 'any';
  multiple?: boolean;
  onPick: (media: PickedMedia[]) => void;
  onClose: () => void;
};

// TODO: scaffold only; the picker dialog is being built.
export function MediaPicker(props: MediaPickerProps) {
  return (
    <button type="button" onClick={() => props.onClose()}>
      {props.accept}
    </button>
  );
}
