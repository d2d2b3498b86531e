"""All series of the report for a period, and the nine tables of any month's report."""

from __future__ import annotations

from datetime import date

import numpy as np

from simulators.common import areas
from simulators.statistics_office import indicators as ind
from simulators.statistics_office.model import Calendar, first_estimate, flow, price_level, ratio_pct, split_exact, ytd
from simulators.statistics_office.tables import Built, ColSpec, RowSpec, build_table


def _r(x: float, decimals: int = 1) -> float | int:
    return int(round(x)) if decimals == 0 else round(float(x), decimals)


class ReportModel:
    def __init__(self, rng: np.random.Generator, cal: Calendar):
        self.cal = cal
        self.retail = {lbl: self._flow_pair(rng, b, g, s, sg) for lbl, b, g, s, sg in ind.RETAIL_SECTORS}
        self.exports = {lbl: self._flow_pair(rng, b, 0.09, "trade", 0.05) for lbl, b in ind.EXPORT_ITEMS}
        self.imports = {lbl: self._flow_pair(rng, b, 0.08, "trade", 0.05) for lbl, b in ind.IMPORT_ITEMS}
        self.market_noise = rng.lognormal(0.0, 0.04, (len(ind.EXPORT_MARKETS), cal.n))
        self.inv_prov = {lbl: self._flow_pair(rng, b, 0.10, "investment", 0.08) for lbl, b in ind.INVESTMENT_PROVINCIAL}
        self.inv_local = self._flow_pair(rng, ind.INVESTMENT_LOCAL_BASE, 0.08, "investment", 0.10)
        self.revenue = {lbl: self._flow_pair(rng, b, 0.07, s, 0.06) for lbl, b, s in ind.BUDGET_REVENUE}
        self.spending = {lbl: self._flow_pair(rng, b, 0.08, s, 0.06) for lbl, b, s in ind.BUDGET_SPENDING}
        years = range(cal.month(0).year, cal.month(cal.n - 1).year + 1)
        self.plan_factor = {y: rng.uniform(0.92, 1.08, 8) for y in years}
        self.cpi = {lbl: price_level(rng, cal, start, drift, 0.004) for lbl, _, drift, start in ind.CPI_GROUPS}
        self.cpi_memo = {lbl: price_level(rng, cal, start, drift, 0.012) for lbl, drift, start in ind.CPI_MEMO}
        self.iip_sections = {lbl: flow(rng, cal, 100.0, g, "industry", 0.025) for lbl, _, g in ind.IIP_SECTIONS}
        self.iip_key = {lbl: flow(rng, cal, 100.0, g, "industry", 0.035) for lbl, g in ind.IIP_KEY_INDUSTRIES}
        self.labour = {lbl: (u, flow(rng, cal, b, 0.03, s, 0.08)) for lbl, u, b, s in ind.LABOUR}
        self.fdi = {lbl: (u, flow(rng, cal, b, 0.05, "flat", sg)) for lbl, u, b, sg in ind.FDI}
        # Area shares drift slowly (the south grows faster than the north) and split to communes.
        growth = rng.uniform(-0.03, 0.05, len(areas.DISTRICTS))
        t = np.arange(cal.n)[None, :] / 12.0
        base = np.array([ind.DISTRICT_RETAIL_SHARE[d] for d in areas.DISTRICTS])[:, None]
        self.district_share = base * (1.0 + growth[:, None]) ** t
        within = {d: rng.dirichlet(np.full(sum(v == d for v in areas.COMMUNE_DISTRICT.values()), 6.0)) for d in areas.DISTRICTS}
        rows = []
        for d_idx, d in enumerate(areas.DISTRICTS):
            communes = [c for c in areas.COMMUNES if areas.COMMUNE_DISTRICT[c] == d]
            rows += [(c, self.district_share[d_idx] * w) for c, w in zip(communes, within[d])]
        order = {c: i for i, c in enumerate(areas.COMMUNES)}
        self.commune_share = np.array([s for c, s in sorted(rows, key=lambda r: order[r[0]])])

    def _flow_pair(self, rng, base, growth, season, sigma) -> tuple[np.ndarray, np.ndarray]:
        actual = flow(rng, self.cal, base, growth, season, sigma)
        return actual, first_estimate(rng, actual)

    # -- measures ---------------------------------------------------------------------------
    def _flow_values(self, pair, t: int, decimals: int = 1) -> dict:
        actual, estimate = pair
        year_to_date = ytd(actual, self.cal, t - 1) if self.cal.month(t).month > 1 else 0.0
        year_to_date += estimate[t]
        last_year = ytd(actual, self.cal, t - 12)
        return dict(prev=_r(actual[t - 1], decimals), est=_r(estimate[t], decimals), ytd=_r(year_to_date, decimals),
                    yoy=ratio_pct(estimate[t], actual[t - 12]), ytd_yoy=ratio_pct(year_to_date, last_year))

    def _sum_pairs(self, pairs, scale: float = 1.0):
        return sum(p[0] for p in pairs) * scale, sum(p[1] for p in pairs) * scale

    def _month_cols(self, t: int, yoy_group: bool = False, prev: bool = True, est_label: str = "Ước tính") -> list[ColSpec]:
        now, before = self.cal.month(t), self.cal.month(t - 1)
        cols = [ColSpec("prev", f"Thực hiện tháng {before.month}/{before.year}", "month_value", before)] if prev else []
        cols += [ColSpec("est", f"{est_label} tháng {now.month}/{now.year}", "month_value", now),
                 ColSpec("ytd", f"Cộng dồn {now.month} tháng năm {now.year}", "ytd_value")]
        if yoy_group:
            group = "So với cùng kỳ năm trước (%)"
            cols += [ColSpec("yoy", f"Tháng {now.month}/{now.year}", "yoy_pct", group=group),
                     ColSpec("ytd_yoy", f"{now.month} tháng năm {now.year}", "ytd_yoy_pct", group=group)]
        else:
            cols += [ColSpec("ytd_yoy", "Cộng dồn so với cùng kỳ (%)", "ytd_yoy_pct")]
        return cols

    # -- tables -----------------------------------------------------------------------------
    def tables(self, t: int, subtitle: str, footnotes: list[str]) -> list[Built]:
        m = self.cal.month(t)
        common = dict(report_month=m, footnotes=footnotes)
        titled = lambda title: [f"{title} THÁNG {m.month}/{m.year}", subtitle]  # noqa: E731
        return [
            self._iip(t, titled("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP"), common),
            self._retail(t, titled("TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG"), common),
            self._retail_by_area(t, titled("TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG PHÂN THEO ĐỊA BÀN"), common),
            self._trade(t, titled("KIM NGẠCH XUẤT KHẨU, NHẬP KHẨU HÀNG HÓA"), common),
            self._investment(t, titled("VỐN ĐẦU TƯ THỰC HIỆN TỪ NGUỒN NGÂN SÁCH NHÀ NƯỚC"), common),
            self._budget(t, titled("THU, CHI NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN"), common),
            self._cpi(t, titled("CHỈ SỐ GIÁ TIÊU DÙNG"), common),
            self._labour(t, titled("LAO ĐỘNG, VIỆC LÀM"), common),
            self._fdi(t, titled("THU HÚT ĐẦU TƯ TRỰC TIẾP NƯỚC NGOÀI"), common),
        ]

    def _iip(self, t, title, common) -> Built:
        m = self.cal.month(t)
        weights = np.array([w for _, w, _ in ind.IIP_SECTIONS])
        total = sum(w * s for w, s in zip(weights, self.iip_sections.values())) / weights.sum()

        def values(p):
            start = t - (m.month - 1)
            return dict(mom=ratio_pct(p[t], p[t - 1]), yoy=ratio_pct(p[t], p[t - 12]),
                        ytd_yoy=ratio_pct(p[start:t + 1].sum(), p[start - 12:t - 11].sum()))
        cols = [ColSpec("mom", f"Tháng {m.month}/{m.year} so với tháng trước", "mom_pct"),
                ColSpec("yoy", f"Tháng {m.month}/{m.year} so với cùng kỳ năm trước", "yoy_pct"),
                ColSpec("ytd_yoy", f"{m.month} tháng năm {m.year} so với cùng kỳ năm trước", "ytd_yoy_pct")]
        rows = [RowSpec("Toàn ngành công nghiệp", values(total))]
        rows += [RowSpec(lbl, values(p)) for lbl, p in self.iip_sections.items()]
        rows += [RowSpec("Một số ngành công nghiệp chủ lực:")]
        rows += [RowSpec(lbl, values(p)) for lbl, p in self.iip_key.items()]
        return build_table(sheet_name="01.IIP", title_lines=title, label_header="Ngành công nghiệp", cols=cols,
                           rows=rows, unit="%", column_numbers=True, **common)

    def _retail(self, t, title, common) -> Built:
        total = self._sum_pairs(self.retail.values())
        rows = [RowSpec("Tổng số", self._flow_values(total, t))]
        rows += [RowSpec(lbl, self._flow_values(p, t)) for lbl, p in self.retail.items()]
        return build_table(sheet_name="02.Ban le", title_lines=title, label_header="Chỉ tiêu",
                           cols=self._month_cols(t, yoy_group=True), rows=rows, unit="tỷ đồng", **common)

    def _retail_by_area(self, t, title, common) -> Built:
        m = self.cal.month(t)
        total = self._sum_pairs(self.retail.values())
        v = self._flow_values(total, t)
        post = areas.is_post_reform(m)
        shares = self.commune_share if post else self.district_share
        units = areas.areas_on(m)
        split = {k: split_exact(v[k], shares[:, t if k != "prev" else t - 1]) for k in ("prev", "est", "ytd")}
        last_year = shares[:, t - 12] / shares[:, t - 12].sum() * total[0][t - 12]
        _, province_name = areas.province(m)
        rows = [RowSpec(province_name, {k: v[k] for k in ("prev", "est", "ytd", "yoy")})]
        for i, (_, name) in enumerate(units):
            rows.append(RowSpec(name, dict(prev=float(split["prev"][i]), est=float(split["est"][i]),
                                           ytd=float(split["ytd"][i]), yoy=ratio_pct(split["est"][i], last_year[i]))))
        cols = [c for c in self._month_cols(t) if c.id != "ytd_yoy"]
        cols.append(ColSpec("yoy", f"Tháng {m.month}/{m.year} so với cùng kỳ năm trước (%)", "yoy_pct"))
        return build_table(sheet_name="03.Ban le dia ban", title_lines=title, label_header="Địa bàn", cols=cols,
                           rows=rows, unit="tỷ đồng", area_rows=True, **common)

    def _trade(self, t, title, common) -> Built:
        exports_total = self._sum_pairs(self.exports.values(), 1 / ind.EXPORT_LISTED_SHARE)
        imports_total = self._sum_pairs(self.imports.values(), 1 / ind.IMPORT_LISTED_SHARE)
        rows = [RowSpec("I. XUẤT KHẨU"), RowSpec("Tổng kim ngạch xuất khẩu", self._flow_values(exports_total, t)),
                RowSpec("Trong đó:")]
        rows += [RowSpec(lbl, self._flow_values(p, t)) for lbl, p in self.exports.items()]
        rows += [RowSpec("II. NHẬP KHẨU"), RowSpec("Tổng kim ngạch nhập khẩu", self._flow_values(imports_total, t)),
                 RowSpec("Trong đó:")]
        rows += [RowSpec(lbl, self._flow_values(p, t)) for lbl, p in self.imports.items()]
        rows += [RowSpec("III. THỊ TRƯỜNG XUẤT KHẨU CHỦ YẾU")]
        for (lbl, share), noise in zip(ind.EXPORT_MARKETS, self.market_noise):
            pair = (exports_total[0] * share * noise, exports_total[1] * share * noise)
            rows.append(RowSpec(lbl, self._flow_values(pair, t)))
        return build_table(sheet_name="04.XNK", title_lines=title, label_header="Chỉ tiêu", cols=self._month_cols(t),
                           rows=rows, unit="triệu USD", **common)

    def _investment(self, t, title, common) -> Built:
        m = self.cal.month(t)
        provincial = self._sum_pairs(self.inv_prov.values())
        total = (provincial[0] + self.inv_local[0], provincial[1] + self.inv_local[1])
        local_label = "2. Vốn ngân sách Nhà nước cấp xã" if areas.is_post_reform(m) else "2. Vốn ngân sách Nhà nước cấp huyện"
        rows = [RowSpec("Tổng số", self._flow_values(total, t)),
                RowSpec("1. Vốn ngân sách Nhà nước cấp tỉnh", self._flow_values(provincial, t))]
        rows += [RowSpec(lbl, self._flow_values(p, t)) for lbl, p in self.inv_prov.items()]
        rows.append(RowSpec(local_label, self._flow_values(self.inv_local, t)))
        cols = [c for c in self._month_cols(t) if c.id != "est"]
        cols.insert(1, ColSpec("est", f"Ước tính tháng {m.month}", "month_value", m))
        return build_table(sheet_name="05.Von dau tu", title_lines=title, label_header="Chỉ tiêu", cols=cols,
                           rows=rows, unit="tỷ đồng", **common)

    def _budget(self, t, title, common) -> Built:
        m = self.cal.month(t)
        factors = self.plan_factor[m.year]
        year_slice = slice(t - (m.month - 1), t - (m.month - 1) + 12)

        def values(pair, i):
            v = self._flow_values(pair, t)
            plan = pair[0][year_slice].sum() * factors[i]   # the plan (dự toán) is near the year's actual
            return dict(est=v["est"], ytd=v["ytd"], plan=ratio_pct(v["ytd"], plan), ytd_yoy=v["ytd_yoy"])
        revenue_total = self._sum_pairs(self.revenue.values())
        spending_total = self._sum_pairs(self.spending.values(), 1 / (1 - ind.BUDGET_OTHER_SPENDING_SHARE))
        rows = [RowSpec("Tổng thu ngân sách nhà nước trên địa bàn", values(revenue_total, 0))]
        rows += [RowSpec(lbl, values(p, 1 + i)) for i, (lbl, p) in enumerate(self.revenue.items())]
        rows += [RowSpec("Tổng chi ngân sách địa phương", values(spending_total, 4))]
        rows += [RowSpec(lbl, values(p, 5 + i)) for i, (lbl, p) in enumerate(self.spending.items())]
        cols = [ColSpec("est", f"Ước thực hiện tháng {m.month}/{m.year}", "month_value", m),
                ColSpec("ytd", f"Cộng dồn {m.month} tháng năm {m.year}", "ytd_value"),
                ColSpec("plan", "So với dự toán năm (%)", "pct_of_plan"),
                ColSpec("ytd_yoy", "Cộng dồn so với cùng kỳ (%)", "ytd_yoy_pct")]
        return build_table(sheet_name="06.Thu chi NSNN", title_lines=title, label_header="Chỉ tiêu", cols=cols,
                           rows=rows, unit="tỷ đồng", **common)

    def _cpi(self, t, title, common) -> Built:
        m = self.cal.month(t)
        weights = np.array([w for _, w, _, _ in ind.CPI_GROUPS])
        general = sum(w * s for w, s in zip(weights, self.cpi.values())) / weights.sum()
        start = t - (m.month - 1)

        def values(level):
            return dict(base=round(float(level[t]), 2), yoy=ratio_pct(level[t], level[t - 12]),
                        dec=ratio_pct(level[t], level[start - 1]), mom=ratio_pct(level[t], level[t - 1]),
                        avg=ratio_pct(level[start:t + 1].mean(), level[start - 12:t - 11].mean()))
        group = f"Chỉ số giá tháng {m.month}/{m.year} so với:"
        cols = [ColSpec("base", "Kỳ gốc 2019", "vs_base_pct", group=group),
                ColSpec("yoy", "Cùng tháng năm trước", "yoy_pct", group=group),
                ColSpec("dec", "Tháng 12 năm trước", "vs_december_pct", group=group),
                ColSpec("mom", "Tháng trước", "mom_pct", group=group),
                ColSpec("avg", f"Bình quân {m.month} tháng năm {m.year} so với cùng kỳ", "ytd_avg_yoy_pct")]
        rows = [RowSpec("Chỉ số giá tiêu dùng chung", values(general))]
        rows += [RowSpec(lbl, values(level)) for lbl, level in self.cpi.items()]
        rows += [RowSpec(lbl, values(level)) for lbl, level in self.cpi_memo.items()]
        return build_table(sheet_name="07.CPI", title_lines=title, label_header="Nhóm hàng hóa và dịch vụ", cols=cols,
                           rows=rows, unit="%", **common)

    def _counts_table(self, t, title, common, sheet_name, series, total_label=None) -> Built:
        m = self.cal.month(t)

        def values(s, decimals):
            year_to_date = ytd(s, self.cal, t)
            return dict(now=_r(s[t], decimals), ytd=_r(year_to_date, decimals),
                        ytd_yoy=ratio_pct(year_to_date, ytd(s, self.cal, t - 12)))
        rows = [RowSpec(lbl, values(s, 0 if u not in ("triệu USD",) else 1), unit=u) for lbl, (u, s) in series.items()]
        if total_label:
            capital = sum(s for u, s in series.values() if u == "triệu USD")
            rows.append(RowSpec(total_label, values(capital, 1), unit="triệu USD"))
        cols = [ColSpec("now", f"Thực hiện tháng {m.month}/{m.year}", "month_value", m),
                ColSpec("ytd", f"Cộng dồn {m.month} tháng năm {m.year}", "ytd_value"),
                ColSpec("ytd_yoy", "Cộng dồn so với cùng kỳ (%)", "ytd_yoy_pct")]
        return build_table(sheet_name=sheet_name, title_lines=title, label_header="Chỉ tiêu", cols=cols, rows=rows,
                           unit=None, unit_column=True, **common)

    def _labour(self, t, title, common) -> Built:
        return self._counts_table(t, title, common, "08.Lao dong", self.labour)

    def _fdi(self, t, title, common) -> Built:
        return self._counts_table(t, title, common, "09.FDI", self.fdi, total_label="Tổng vốn đầu tư nước ngoài thu hút")


def months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1
