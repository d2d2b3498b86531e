"""Stand-in for the Provincial Statistics Office: monthly socio-economic report workbooks.

One ``BC_KTXH_YYYY_MM.xlsx`` per month, as the office builds it in Excel: a table of contents,
then one sheet per topic (IIP, retail sales and by area, trade, state-budget investment, budget,
CPI, labour, FDI) with merged title rows, the unit in a "Đơn vị tính" line or in header cells,
two-level headers, footnotes. With ``--faults default``: shifted headers, renamed headers, a sheet
typed in the wrong unit, impossible values, numbers typed as text, an empty workbook, a re-sent
file and two re-issued (``_revised``) reports.
"""

from simulators.statistics_office.generate import Generated, generate

__all__ = ["Generated", "generate"]
