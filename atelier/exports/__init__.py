"""What coordinators hand to funders: the content of sheets, registers, reports and person exports; CSV and XLSX written here, PDFs laid out by ui/render."""
