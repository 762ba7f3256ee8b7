"""Asset tag allocation, barcodes (python-barcode) and label sheet layouts. No Qt."""
