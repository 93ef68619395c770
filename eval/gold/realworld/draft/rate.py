"""interval checks: change rates and shares from printed strings (DOMAIN §5)."""
from decimal import Decimal as D, getcontext
getcontext().prec = 28
def dec(s): return len(s.split('.')[1]) if '.' in s else 0
def iv(s):
    v = D(s.replace(',', '')); h = D(1).scaleb(-dec(s.replace(',', ''))) / 2
    return v - h, v + h, v
def change(cur, delta, rate, up=True):
    """cur: current; delta: stated change (abs); rate: stated %; up: increase?"""
    c0, c1, c = iv(cur); d0, d1, d = iv(delta); r0, r1, r = iv(rate)
    if up:   # prior = cur - delta ; rate = delta/prior
        lo = d0 / (c1 - d0); hi = d1 / (c0 - d1)
        exact = d / (c - d)
    else:    # prior = cur + delta
        lo = d0 / (c1 + d0); hi = d1 / (c0 + d1)
        exact = d / (c + d)
    lo *= 100; hi *= 100; exact *= 100
    ok = not (r1 < lo or r0 > hi)
    return ok, exact, (lo, hi)
def share(part, total, rate):
    p0, p1, p = iv(part); t0, t1, t = iv(total); r0, r1, r = iv(rate)
    lo = p0 / t1 * 100; hi = p1 / t0 * 100; exact = p / t * 100
    return (not (r1 < lo or r0 > hi)), exact, (lo, hi)
def rate2(prior, cur, rate, up=True):
    a0, a1, a = iv(prior); b0, b1, b = iv(cur); r0, r1, r = iv(rate)
    if up: lo = (b0 - a1) / a1 * 100; hi = (b1 - a0) / a0 * 100; ex = (b - a) / a * 100
    else: lo = (a0 - b1) / a1 * 100; hi = (a1 - b0) / a0 * 100; ex = (a - b) / a * 100
    return (not (r1 < lo or r0 > hi)), ex, (lo, hi)
def show(tag, res):
    ok, ex, (lo, hi) = res
    print(f"{'OK  ' if ok else 'FAIL'} {tag}: exact {ex:.4f}% interval [{lo:.4f}, {hi:.4f}]")
if __name__ == '__main__':
    import sys
    # J01
    show('J01 total +844.15 6.59', change('13649.07', '844.15', '6.59'))
    show('J01 一般公共服务 -17.89 0.17', change('10528.33', '17.89', '0.17', False))
    show('J01 社保 +193.25 13.65', change('1608.51', '193.25', '13.65'))
    show('J01 住房 +668.79 79.29', change('1512.23', '668.79', '79.29'))
    show('J01 基本 +844.15 12.37', change('7666.68', '844.15', '12.37'))
    show('J01 基本 share 56.17', share('7666.68', '13649.07', '56.17'))
    show('J01 项目 share 42.89', share('5853.96', '13649.07', '42.89'))
    show('J01 预留 share 0.94', share('128.43', '13649.07', '0.94'))
    show('J01 机关运行 +4032.99 254.23', change('5619.31', '4032.99', '254.23'))
    show('J01 出国 share 8.75 of 三公 833.60', share('222.5', '833.60', '8.75'))
    show('J01 出国 share 8.75 of 合计 2542.60', share('222.5', '2542.60', '8.75'))
    show('J01 车 share 7.22 of 三公', share('183.6', '833.60', '7.22'))
    show('J01 车 share 7.22 of 合计', share('183.6', '2542.60', '7.22'))
    show('J01 接待 share 16.81 of 三公', share('427.5', '833.60', '16.81'))
    show('J01 接待 share 16.81 of 合计', share('427.5', '2542.60', '16.81'))
    # J05
    show('J05 total +1463.8 8.85', change('17996.68', '1463.8', '8.85'))
    show('J05 一般公共预算 +1454.35 8.8', change('17981.68', '1454.35', '8.8'))
    show('J05 其他资金 +9.45 170.27', change('15', '9.45', '170.27'))
    show('J05 公共安全 +309.03 2.31', change('13656.34', '309.03', '2.31'))
    show('J05 基本 12323.46 +1483.8 13.69', change('12323.46', '1483.8', '13.69'))
    show('J05 项目 -20 0.36', change('5533', '20', '0.36', False))
    show('J05 一般公共预算收入 share 99.92', share('17981.68', '17996.68', '99.92'))
    show('J05 其他资金 share 0.08', share('15', '17996.68', '0.08'))
    show('J05 基本 share 68.48', share('12323.48', '17996.68', '68.48'))
    show('J05 项目 share 30.74', share('5533', '17996.68', '30.74'))
    show('J05 预留 share 0.78', share('140.2', '17996.68', '0.78'))
    show('J05 财政拨款 share 99.92', share('17981.68', '17996.68', '99.92'))
    show('J05 行政运行 +300.38 3.92', change('7968.14', '300.38', '3.92'))
    show('J05 机关运行 +3401.59 129.97', change('6032.55', '3401.59', '129.97'))
    show('J05 出国 share 18.85', share('110', '584.35', '18.85'))
    show('J05 车 share 54.43', share('317.8', '584.35', '54.43'))
    show('J05 接待 share 26.72', share('156.55', '584.35', '26.72'))
    # J07
    show('J07 total +2214.39 10.06', change('24169.74', '2214.39', '10.06'))
    show('J07 一般公共预算 +2228.78 10.15', change('24169.74', '2228.78', '10.15'))
    show('J07 公共安全 +134.37 0.82', change('16593.12', '134.37', '0.82'))
    show('J07 社保 +54.05 2.94', change('1890.27', '54.05', '2.94'))
    show('J07 住房 +2025.97 55.35', change('5686.35', '2025.97', '55.35'))
    show('J07 基本 +1849.73 13.22', change('15844.04', '1849.73', '13.22'))
    show('J07 项目 -1237.7 13.22', change('4335.3', '1237.7', '13.22', False))
    show('J07 预留 +1602.36 67.1', change('3990.4', '1602.36', '67.1'))
    show('J07 基本 share 65.56', share('15844.04', '24169.74', '65.56'))
    show('J07 项目 share 17.94', share('4335.3', '24169.74', '17.94'))
    show('J07 预留 share 16.5', share('3990.4', '24169.74', '16.5'))
    show('J07 行政运行 +1385.26 12.73', change('12268.62', '1385.26', '12.73'))
    show('J07 一般行政管理 -1311.6 35.77', change('2354.4', '1311.6', '35.77', False))
    show('J07 检察监督 -709.4 37.44', change('1185.6', '709.4', '37.44', False))
    show('J07 未归口 +28.1 7.57', change('400.02', '28.1', '7.57'))
    show('J07 养老 +18.53 1.77', change('1064.46', '18.53', '1.77'))
    show('J07 年金 +7.42 1.77', change('425.79', '7.42', '1.77'))
    show('J07 公积金 +368.97 34.38', change('1442.74', '368.97', '34.38'))
    show('J07 提租 +1657 64.07', change('4243.61', '1657', '64.07'))
    show('J07 出国 share 19.1', share('80', '418.26', '19.1'))
    show('J07 车 share 56.7', share('237', '418.26', '56.7'))
    show('J07 接待 share 24.2', share('101.26', '418.26', '24.2'))
    show('J07 机关运行 -330.65 12.14', change('2391.92', '330.65', '12.14', False))
