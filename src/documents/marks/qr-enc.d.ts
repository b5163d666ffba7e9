// pdfmake's QR encoder, used for the DOCX footer's QR image (the PDF uses pdfmake's own qr node).
declare module "pdfmake/js/qrEnc.js" {
  const encoder: unknown;
  export default encoder;
}
