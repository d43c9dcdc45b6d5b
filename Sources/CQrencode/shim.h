// Debian libqrencode-dev: the QR code matrix for the printed e-invoice proof's preview.
#include <qrencode.h>
