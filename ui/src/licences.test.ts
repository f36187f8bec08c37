// The licence texts 关于 shows for the charts are the repository's copies in licences/ (the app
// embeds them); they must stay the texts of the npm packages the UI is built with.
import { describe, expect, it } from 'vitest'
import echartsNotice from 'echarts/NOTICE?raw'
import echartsLicence from 'echarts/LICENSE?raw'
import echartsD3 from 'echarts/licenses/LICENSE-d3?raw'
import zrenderLicence from 'zrender/LICENSE?raw'
import shownNotice from '../../licences/echarts-NOTICE.txt?raw'
import shownLicence from '../../licences/echarts-LICENSE.txt?raw'
import shownD3 from '../../licences/echarts-LICENSE-d3.txt?raw'
import shownZrender from '../../licences/zrender-LICENSE.txt?raw'

describe('the licences shown in 关于', () => {
  it('are the NOTICE and licences of the ECharts the charts are drawn with', () => {
    expect(shownNotice).toBe(echartsNotice)
    expect(shownLicence).toBe(echartsLicence)
    expect(shownD3).toBe(echartsD3)
  })

  it('and the licence of its ZRender', () => {
    expect(shownZrender).toBe(zrenderLicence)
  })
})
