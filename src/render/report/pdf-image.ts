// Chart PNGs into the PDF without decoding them: the compressed pixel data of an 8-bit RGB PNG is
// what a PDF image with the PNG predictor holds, so it is copied as it is. pdfkit's own PNG reader
// copies it byte by byte in JavaScript, which took most of a report's layout time.
import { pngSize } from "../charts/png.js";

/** What pdfkit's `doc.image()` accepts in place of image bytes: an image it need not open. */
export interface PdfImage {
  width: number;
  height: number;
  label: string;
  obj?: PDFKit.PDFKitReference;
  embed(doc: PDFKit.PDFDocument): void;
}

const SIGNATURE = "89504e470d0a1a0a";

/**
 * The PNG ready for pdfkit, or the bytes themselves when it is not a plain 8-bit RGB image
 * (pdfkit then reads it the slow way, which handles every kind). `label` must be unique in the
 * document: it names the image in the page's resources.
 */
export function pdfImage(png: Buffer, label: string): PdfImage | Buffer {
  if (png.length < 33 || png.subarray(0, 8).toString("hex") !== SIGNATURE) return png;
  const { width, height } = pngSize(png);
  const [bits, colorType, , , interlace] = png.subarray(24, 29);
  if (bits !== 8 || colorType !== 2 || interlace !== 0) return png;
  const idat: Buffer[] = [];
  for (let pos = 8; pos + 8 <= png.length; ) {
    const size = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    if (type === "IDAT") idat.push(png.subarray(pos + 8, pos + 8 + size));
    if (type === "IEND") break;
    pos += 12 + size;
  }
  if (idat.length === 0) return png;
  const image: PdfImage = {
    width,
    height,
    label,
    embed(doc) {
      const obj = doc.ref({
        Type: "XObject",
        Subtype: "Image",
        Width: width,
        Height: height,
        BitsPerComponent: 8,
        ColorSpace: "DeviceRGB",
        Filter: "FlateDecode",
        DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: width },
      });
      obj.end(Buffer.concat(idat));
      image.obj = obj;
    },
  };
  return image;
}
