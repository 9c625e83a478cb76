export type QrCodeImageProps = {
  svg: string;
  alt: string;
};

/**
 * Shows the server's QR code as an image. An `<img>` never runs script inside an SVG, unlike
 * markup inserted into the page, so the SVG text is never parsed as part of the document.
 */
export function QrCodeImage(props: QrCodeImageProps) {
  const source = () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(props.svg)}`;

  return <img class="qr-code" src={source()} alt={props.alt} width="200" height="200" />;
}
